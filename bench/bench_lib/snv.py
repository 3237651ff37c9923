"""SNV scoring: exact CHROM/POS/REF/ALT match of PASS calls against the
simulator's truth, per bin of the truth's expected VAF, and the calibration
of somatic-snv's QSS."""
from .vcf import read_snvs

VAF_BINS = [(0.0, 0.05), (0.05, 0.10), (0.10, 0.20), (0.20, 0.35), (0.35, 1.01)]
QSS_BINS = [(3, 10), (10, 20), (20, 30), (30, 40), (40, 60), (60, 10000)]


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bin_label(lo, hi):
    return f"{lo:.2f}-{min(hi, 1.0):.2f}"


def score(calls_vcf, truth_vcf, ignore=frozenset()):
    """Rows {'bin', 'truth', 'tp', 'fp', 'recall', 'precision', 'f1'}, one per
    VAF bin and one 'all'. A false positive has no true VAF, so it is placed
    in the bin of the VAF the caller reported (INFO/AF or the tumour's AF when
    the caller gives one, else counted only in 'all'); per-bin precision is
    TP_bin / (TP_bin + FP_bin). Calls in `ignore` (the bases of true MNVs,
    scored with the MNVs) count for nothing."""
    truth = read_snvs(truth_vcf, pass_only=False)
    calls = {k: v for k, v in read_snvs(calls_vcf).items() if k not in ignore}
    false = [calls[k] for k in calls.keys() - truth.keys()]
    rows = []
    for lo, hi in VAF_BINS:
        keys = {k for k, info in truth.items() if lo <= float(info["EXPECTED_VAF"]) < hi}
        tp = len(keys & calls.keys())
        fp = sum(1 for info in false if lo <= _called_vaf(info, -1.0) < hi)
        rows.append(_row(bin_label(lo, hi), len(keys), tp, fp))
    tp = len(truth.keys() & calls.keys())
    rows.append(_row("all", len(truth), tp, len(false)))
    return rows


def _called_vaf(info, default):
    try:
        return float(info.get("TUMOUR_AF", info.get("AF", default)))
    except ValueError:
        return default


def _row(label, n, tp, fp):
    recall = tp / n if n else float("nan")
    precision = tp / (tp + fp) if tp + fp else float("nan")
    return {"bin": label, "truth": n, "tp": tp, "fp": fp, "recall": recall,
            "precision": precision, "f1": f1(precision, recall) if n and tp + fp else float("nan")}


def calibration(calls_vcf, truth_vcf, ignore=frozenset()):
    """Per QSS bin: records written (any FILTER), how many are false, the
    observed false share and the share QSS predicts (mean of 10^(-QSS/10)).
    Records in `ignore` (bases of true MNVs) are left out."""
    truth = read_snvs(truth_vcf, pass_only=False)
    records = {k: v for k, v in read_snvs(calls_vcf, pass_only=False).items() if k not in ignore}
    rows = []
    for lo, hi in QSS_BINS:
        keys = [k for k, info in records.items() if lo <= float(info.get("QSS", 0)) < hi]
        false = sum(k not in truth for k in keys)
        expected = sum(10 ** (-float(records[k]["QSS"]) / 10) for k in keys)
        n = len(keys)
        rows.append({"qss": f"{lo}-{hi}" if hi < 10000 else f">={lo}", "records": n, "false": false,
                     "observed": false / n if n else float("nan"),
                     "expected": expected / n if n else float("nan")})
    return rows


# A site whose tumour holds fewer than this many alt reads cannot be called
# without calling sequencing errors too: at 60x and a per-base error rate of
# ~1e-3 (one third of it towards a given base), two reads of the same wrong
# base turn up at ~5e-4 of all sites, thousands per megabase against a few
# true mutations, while three turn up at ~1e-6.
MIN_CALLABLE_ALT_READS = 3


def evidence_ceiling(truth_vcf, tumour_bam, reference, min_mapq=20, min_base_quality=13):
    """Per VAF bin: how many true SNVs have at least MIN_CALLABLE_ALT_READS
    reads of the alt base in the tumour, counted independently of our code
    by `bcftools mpileup` (no BAQ, the caller's default read and base
    filters, overlapping mates counted once), and the recall and F1 of a
    caller that made exactly those calls and no false one: the most a
    caller can reach on these reads."""
    import subprocess
    import tempfile
    truth = read_snvs(truth_vcf, pass_only=False)
    with tempfile.NamedTemporaryFile("w", suffix=".tsv") as sites:
        for chrom, pos, _, _ in sorted(truth):
            sites.write(f"{chrom}\t{pos}\n")
        sites.flush()
        pileup = subprocess.run(
            f"bcftools mpileup -B -a AD -d 100000 -q {min_mapq} -Q {min_base_quality} -f {reference} "
            f"-T {sites.name} {tumour_bam} | bcftools query -f '%CHROM\\t%POS\\t%REF\\t%ALT\\t[%AD]\\n'",
            shell=True, check=True, capture_output=True, text=True).stdout
    alt_reads = {}
    for line in pileup.splitlines():
        chrom, pos, ref, alts, depths = line.split("\t")
        for alt, n in zip(alts.split(","), depths.split(",")[1:]):
            alt_reads[(chrom, int(pos), ref.upper(), alt.upper())] = int(n)
    rows = []
    for lo, hi in VAF_BINS + [(0.0, 1.01)]:
        keys = [k for k, info in truth.items() if lo <= float(info["EXPECTED_VAF"]) < hi]
        reachable = sum(alt_reads.get(k, 0) >= MIN_CALLABLE_ALT_READS for k in keys)
        recall = reachable / len(keys) if keys else float("nan")
        rows.append({"bin": "all" if hi - lo > 1 else bin_label(lo, hi), "truth": len(keys),
                     "reachable": reachable, "recall": recall,
                     "f1": f1(1.0, recall) if keys else float("nan")})
    return rows


def artefact_calls(calls_vcf, artefacts_vcf):
    """{kind: (sites, PASS calls at them)} for a sim/inject_artefacts pair;
    a call matches an artefact by CHROM/POS/REF/ALT."""
    artefacts = read_snvs(artefacts_vcf, pass_only=False)
    calls = read_snvs(calls_vcf)
    out = {}
    for key, info in sorted(artefacts.items()):
        sites, called = out.get(info["KIND"], (0, 0))
        out[info["KIND"]] = (sites + 1, called + (key in calls))
    return out
