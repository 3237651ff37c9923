"""Copy-number scoring against the simulator's truth.cn.bed: breakpoints
found within a tolerance, the share of the genome with the right total and
allele-specific copy number, and purity/ploidy error."""
import math


def read_truth_segments(path):
    """[(chrom, start, end, total, major, minor)] from truth.cn.bed."""
    return _read_segments(path, ("total_cn", "major_cn", "minor_cn"))


def read_called_segments(path):
    """The same from somatic-cnv's BED (#chrom start end ... total_cn major_cn
    minor_cn ...); CNVkit .cns files have no allele-specific columns, so for
    them major/minor are None and only breakpoints are scored."""
    return _read_segments(path, ("total_cn", "major_cn", "minor_cn"))


def _read_segments(path, wanted):
    rows, columns = [], None
    for line in open(path):
        if line.startswith("##") or not line.strip():
            continue
        c = line.rstrip("\n").split("\t")
        if line.startswith("#") or c[0] == "chromosome":
            columns = [x.lstrip("#") for x in c]
            continue
        index = {name: columns.index(name) for name in wanted if columns and name in columns}
        values = [int(float(c[index[name]])) if name in index and c[index[name]] not in ("", ".", "NA") else None
                  for name in wanted]
        rows.append((c[0], int(c[1]), int(c[2]), *values))
    return rows


def true_breakpoints(truth, min_event=50_000):
    """(contig, position, in_scope) for each boundary between two truth
    segments of one contig whose (total, major, minor) differ. In scope when
    a copy-number event (a segment that is not 1+1) next to it is at least
    min_event long."""
    out = []
    for a, b in zip(truth, truth[1:]):
        if a[0] != b[0] or a[3:6] == b[3:6]:
            continue
        events = [s for s in (a, b) if s[3:6] != (2, 1, 1)]
        out.append((a[0], a[2], any(s[2] - s[1] >= min_event for s in events)))
    return out


def called_breakpoints(calls):
    """(contig, position) between consecutive called segments of a contig:
    the middle of the gap when they do not touch."""
    return [(a[0], (a[2] + b[1]) // 2) for a, b in zip(calls, calls[1:]) if a[0] == b[0]]


def match(truth_bps, called_bps, tolerance):
    """One-to-one matching within tolerance, nearest pairs first; returns the
    matched truth indices and the matched call indices."""
    pairs = sorted((abs(t[1] - c[1]), i, j) for i, t in enumerate(truth_bps) for j, c in enumerate(called_bps)
                   if t[0] == c[0] and abs(t[1] - c[1]) <= tolerance)
    used_t, used_c = set(), set()
    for _, i, j in pairs:
        if i not in used_t and j not in used_c:
            used_t.add(i)
            used_c.add(j)
    return used_t, used_c


def score_breakpoints(truth_segments, called_segments, tolerance, min_event=50_000):
    """Recall over the in-scope truth breakpoints; precision over every called
    breakpoint, one being right when it matches any truth breakpoint (an
    event under min_event that was found is not held against the caller)."""
    truth = true_breakpoints(truth_segments, min_event)
    called = called_breakpoints(called_segments)
    used_t, used_c = match(truth, called, tolerance)
    scope = [i for i, t in enumerate(truth) if t[2]]
    found = sum(i in used_t for i in scope)
    return {"truth_breakpoints": len(scope), "found": found,
            "recall": found / len(scope) if scope else float("nan"),
            "called_breakpoints": len(called), "called_true": len(used_c),
            "precision": len(used_c) / len(called) if called else float("nan")}


def score_states(truth_segments, called_segments):
    """Share of the truth's bases whose called total copy number, and whose
    called major and minor copy numbers, equal the truth. Bases no called
    segment covers count as wrong."""
    total_ok = allelic_ok = covered = 0
    by_chrom = {}
    for s in called_segments:
        by_chrom.setdefault(s[0], []).append(s)
    for chrom, start, end, total, major, minor in truth_segments:
        covered += end - start
        for c in by_chrom.get(chrom, []):
            overlap = min(end, c[2]) - max(start, c[1])
            if overlap <= 0:
                continue
            if c[3] == total:
                total_ok += overlap
                if (c[4], c[5]) == (major, minor):
                    allelic_ok += overlap
    allelic = any(c[4] is not None for c in called_segments)  # CNVkit without a VCF has none
    return {"total_cn_right": total_ok / covered if covered else float("nan"),
            "allelic_cn_right": allelic_ok / covered if covered and allelic else float("nan")}


def read_purity_ploidy(path):
    """{'purity': x, 'ploidy': y} from a two-line TSV with those columns (and
    called_ploidy, genome_doubled, score and the fit's evidence where
    somatic-cnv's summary has them)."""
    lines = [l.rstrip("\n").split("\t") for l in open(path) if l.strip()]
    row = dict(zip(lines[0], lines[1]))
    out = {}
    for key in ("purity", "ploidy", "called_ploidy", "genome_doubled", "score", "misfit", "events", "prior",
                "odd_cn_fraction", "odd_allele_fraction"):
        if key in row:
            out[key] = float(row[key])
    return out


def purity_ploidy_error(truth, called):
    """Called minus true purity and ploidy (the called ploidy is the ploidy of
    the called copy numbers when the summary gives it)."""
    ploidy = called.get("called_ploidy", called.get("ploidy", math.nan))
    return {"purity": called.get("purity", math.nan), "purity_error": called.get("purity", math.nan) - truth["purity"],
            "ploidy": ploidy, "ploidy_error": ploidy - truth["ploidy"]}
