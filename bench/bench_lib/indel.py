"""Indel and MNV scoring against the simulator's truth.

Indels: both the truth and the calls go through `bcftools norm -f ref -m -any`
(peers need not left-align or split), then match on CHROM/POS/REF/ALT.
Every indel, true or called, is put in bins from its own normalised alleles
and the reference, so a false call lands where it would if it were real:
  length   1, 2-4, 5-20, 21-50 (longer: '>50')
  context  homopolymer (a 1-bp unit repeated >= 4 times in the reference
           from the base after the padding base), str (a 2-6 bp unit
           >= 3 times), none; the unit is the smallest one the inserted or
           deleted bases are made of (Strelka2's RU/RC).
MNVs: 'one record' matches REF/ALT of equal length >= 2 exactly; 'split'
(for callers that write each base as an SNV, e.g. Strelka2) finds a true
MNV when every one of its bases is called as an SNV, and counts each run of
adjacent SNV calls that is not a true MNV as one false MNV.
"""
import subprocess

from .snv import VAF_BINS, bin_label, f1

LENGTH_BINS = [(1, 1, "1"), (2, 4, "2-4"), (5, 20, "5-20"), (21, 50, "21-50")]
CONTEXTS = ("homopolymer", "str", "none")


def read_fasta(path):
    seqs, name, parts = {}, None, []
    with open(path) as f:
        for line in f:
            if line.startswith(">"):
                if name:
                    seqs[name] = "".join(parts).upper()
                name, parts = line[1:].split()[0], []
            else:
                parts.append(line.strip())
    if name:
        seqs[name] = "".join(parts).upper()
    return seqs


def normalised_records(path, reference, pass_only=True, select=None):
    """[(chrom, pos, ref, alt, info)] after bcftools norm -m -any -f ref;
    `select` filters on the info dict (e.g. VarScan's SS=2)."""
    text = subprocess.run(["bcftools", "norm", "--no-version", "-m", "-any", "--check-ref", "w",
                           "-f", reference, "-Ov", path],
                          check=True, capture_output=True, text=True).stdout
    out, tumour_col = [], None
    for line in text.splitlines():
        if line.startswith("#CHROM"):
            names = line.split("\t")[9:]
            tumour_col = next((9 + names.index(w) for w in ("TUMOUR", "TUMOR") if w in names),
                              8 + len(names) if names else None)
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if pass_only and c[6] not in ("PASS", "."):
            continue
        info = dict((kv.partition("=")[0], kv.partition("=")[2]) for kv in c[7].split(";"))
        if tumour_col is not None and len(c) > tumour_col:
            fields = dict(zip(c[8].split(":"), c[tumour_col].split(":")))
            if fields.get("AF", ".") not in (".", ""):
                info["TUMOUR_AF"] = fields["AF"].split(",")[0]
        if select and not select(info):
            continue
        if c[4] in (".", "*") or c[4].startswith("<"):
            continue
        out.append((c[0], int(c[1]), c[3].upper(), c[4].upper(), info))
    return out


def smallest_unit(s):
    for p in range(1, len(s) + 1):
        if len(s) % p == 0 and s[:p] * (len(s) // p) == s:
            return s[:p]
    return s


def context(ref_seq, pos, ref, alt):
    """Repeat context of a normalised indel (1-based pos of its padding base)."""
    body = alt[1:] if len(alt) > len(ref) else ref[1:]
    unit = smallest_unit(body)
    i, copies = pos, 0          # 0-based index of the base after the padding base
    while ref_seq[i + copies * len(unit):i + (copies + 1) * len(unit)] == unit:
        copies += 1
    if len(unit) == 1 and copies >= 4:
        return "homopolymer"
    if 2 <= len(unit) <= 6 and copies >= 3:
        return "str"
    return "none"


def length_bin(ref, alt):
    n = abs(len(ref) - len(alt))
    return next((label for lo, hi, label in LENGTH_BINS if lo <= n <= hi), ">50")


def _is_indel(r):
    return len(r[2]) != len(r[3]) and r[2][0] == r[3][0]


def _vaf(info, default=-1.0):
    try:
        return float(info.get("EXPECTED_VAF", info.get("TUMOUR_AF", info.get("AF", default))))
    except ValueError:
        return default


def _row(kind, label, n, tp, fp):
    recall = tp / n if n else float("nan")
    precision = tp / (tp + fp) if tp + fp else float("nan")
    return {"kind": kind, "bin": label, "truth": n, "tp": tp, "fp": fp, "recall": recall,
            "precision": precision, "f1": f1(precision, recall) if n and tp + fp else float("nan")}


def score_indels(calls, truth, reference, ref_seqs):
    """Rows per 'all', VAF bin, length bin and context; `calls` and `truth`
    are normalised_records lists (calls may hold SNVs and MNVs: ignored)."""
    def annotate(records):
        out = {}
        for r in records:
            if _is_indel(r):
                key = r[:4]
                out[key] = (r[4], length_bin(r[2], r[3]), context(ref_seqs[r[0]], r[1], r[2], r[3]))
        return out
    t, c = annotate(truth), annotate(calls)
    rows = [_row("all", "all", len(t), len(t.keys() & c.keys()), len(c.keys() - t.keys()))]
    false = [c[k] for k in c.keys() - t.keys()]
    for lo, hi in VAF_BINS:
        keys = {k for k, v in t.items() if lo <= _vaf(v[0]) < hi}
        fp = sum(lo <= _vaf(v[0]) < hi for v in false)
        rows.append(_row("VAF", bin_label(lo, hi), len(keys), len(keys & c.keys()), fp))
    for _, _, label in LENGTH_BINS:
        keys = {k for k, v in t.items() if v[1] == label}
        rows.append(_row("length", label, len(keys), len(keys & c.keys()),
                         sum(v[1] == label for v in false)))
    for ctx in CONTEXTS:
        keys = {k for k, v in t.items() if v[2] == ctx}
        rows.append(_row("context", ctx, len(keys), len(keys & c.keys()),
                         sum(v[2] == ctx for v in false)))
    return rows


def mnv_bases(truth):
    """{(chrom, pos, ref, alt)} of every base of every true MNV, as SNVs."""
    out = set()
    for chrom, pos, ref, alt, _ in truth:
        for i, (a, b) in enumerate(zip(ref, alt)):
            if a != b:
                out.add((chrom, pos + i, a, b))
    return out


def score_mnvs(calls, truth):
    """{'one record': row, 'split': row} for MNVs (normalised_records lists)."""
    t = {r[:4]: r for r in truth}
    one = {r[:4] for r in calls if len(r[2]) == len(r[3]) >= 2}
    rows = {"one record": _row("MNV", "one record", len(t), len(t.keys() & one), len(one - t.keys()))}
    snvs = {r[:4] for r in calls if len(r[2]) == len(r[3]) == 1}
    found = sum(all((c, p + i, a, b) in snvs for i, (a, b) in enumerate(zip(ref, alt)))
                for c, p, ref, alt in t)
    runs, run = [], []
    for s in sorted(snvs):
        if run and (s[0] != run[-1][0] or s[1] != run[-1][1] + 1):
            runs.append(run)
            run = []
        run.append(s)
    if run:
        runs.append(run)
    merged = {(r[0][0], r[0][1], "".join(x[2] for x in r), "".join(x[3] for x in r)) for r in runs if len(r) >= 2}
    rows["split"] = _row("MNV", "split", len(t), found, len(merged - t.keys()))
    return rows
