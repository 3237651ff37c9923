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


def breakpoints(segments, compare_state=True):
    """Boundaries between adjacent segments of one contig, with the lengths
    of the segments on each side. With compare_state, a boundary between
    two segments of the same copy-number state is not a breakpoint."""
    out = []
    for a, b in zip(segments, segments[1:]):
        if a[0] != b[0]:
            continue
        if compare_state and a[3:] == b[3:]:
            continue
        out.append((a[0], b[1], a[2] - a[1], b[2] - b[1]))
    return out


def score_breakpoints(truth_segments, called_segments, tolerance, min_event=50_000):
    """Recall over truth breakpoints with both sides at least min_event long
    (an event of that size next to anything); precision over every called
    breakpoint, a called one being true when it lies within tolerance of any
    truth breakpoint (of any size). Matching is one-to-one, nearest first."""
    truth = breakpoints(truth_segments)
    called = breakpoints(called_segments, compare_state=False)
    pairs = sorted((abs(t[1] - c[1]), i, j) for i, t in enumerate(truth) for j, c in enumerate(called)
                   if t[0] == c[0] and abs(t[1] - c[1]) <= tolerance)
    used_t, used_c = set(), set()
    for _, i, j in pairs:
        if i not in used_t and j not in used_c:
            used_t.add(i)
            used_c.add(j)
    scorable = [i for i, t in enumerate(truth) if min(t[2], t[3]) >= min_event]
    found = sum(i in used_t for i in scorable)
    return {"truth_breakpoints": len(scorable), "found": found,
            "recall": found / len(scorable) if scorable else float("nan"),
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
    """{'purity': x, 'ploidy': y} from a two-line TSV with those columns."""
    lines = [l.rstrip("\n").split("\t") for l in open(path) if l.strip()]
    row = dict(zip(lines[0], lines[1]))
    out = {}
    for key in ("purity", "ploidy", "called_ploidy"):
        if key in row:
            out[key] = float(row[key])
    return out


def purity_ploidy_error(truth, called):
    """Called minus true purity and ploidy (the called ploidy is the ploidy of
    the called copy numbers when the summary gives it)."""
    ploidy = called.get("called_ploidy", called.get("ploidy", math.nan))
    return {"purity": called.get("purity", math.nan), "purity_error": called.get("purity", math.nan) - truth["purity"],
            "ploidy": ploidy, "ploidy_error": ploidy - truth["ploidy"]}
