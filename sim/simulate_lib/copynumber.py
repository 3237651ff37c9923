"""The tumour's allele-specific copy-number layout.

Copy number is kept per haplotype (hapA_cn, hapB_cn) because that is what
the reads are simulated from; total/major/minor are derived. Segments cover
every contig end to end in global coordinates and never span contigs.

Default layout (seeded): two single-copy gains, two single-copy losses, one
copy-neutral LOH, one focal high-level amplification (total CN 7-9) and one
homozygous deletion, plus one more gain and loss per 25 Mb of genome; the
rest is 1+1. Event sizes scale with the genome so small test genomes still
get every kind of event, and events are >= 50 kb whenever the genome is
large enough (arm-scale events on a 100 Mb genome are several Mb).
"""
import numpy as np


class CopyNumber:
    def __init__(self, start, end, cn_a, cn_b, contig_starts=()):
        self.contig_starts = {int(x) for x in contig_starts}  # never merge across these
        self.start = np.asarray(start, dtype=np.int64)
        self.end = np.asarray(end, dtype=np.int64)
        self.cn_a = np.asarray(cn_a, dtype=np.int64)
        self.cn_b = np.asarray(cn_b, dtype=np.int64)

    def hap_cn(self, hap):
        return self.cn_a if hap == 0 else self.cn_b

    def at(self, gpos):
        """(cn_a, cn_b) at global positions."""
        i = np.searchsorted(self.start, gpos, side="right") - 1
        return self.cn_a[i], self.cn_b[i]

    def ploidy(self, genome):
        """Mean tumour total CN weighted by non-N bases (what reads can see)."""
        weights = np.array([np.count_nonzero(~genome.is_n[s:e])
                            for s, e in zip(self.start, self.end)], dtype=float)
        return float(np.sum(weights * (self.cn_a + self.cn_b)) / weights.sum())

    def present(self, hap, copy):
        """Merged global intervals where haplotype `hap` has more than `copy` copies."""
        keep = self.hap_cn(hap) > copy
        out = []
        for s, e in zip(self.start[keep], self.end[keep]):
            if out and out[-1][1] == s and int(s) not in self.contig_starts:
                out[-1][1] = e
            else:
                out.append([s, e])
        return np.array(out, dtype=np.int64).reshape(-1, 2)

    def max_copies(self, hap):
        return int(self.hap_cn(hap).max()) if len(self.start) else 0

    def bed_rows(self, genome):
        """Local BED rows, adjacent equal segments merged."""
        rows = []
        for s, e, a, b in zip(self.start, self.end, self.cn_a, self.cn_b):
            ci = int(genome.contig_index(s))
            name, off = genome.names[ci], int(genome.offsets[ci])
            if rows and rows[-1][0] == name and rows[-1][2] == s - off and rows[-1][3:] == [a, b]:
                rows[-1][2] = int(e - off)
            else:
                rows.append([name, int(s - off), int(e - off), int(a), int(b)])
        return rows


def build(genome, events, wgd=False):
    """Segments from non-overlapping events [(gstart, gend, cn_a, cn_b, ...)]."""
    events = sorted(tuple(int(x) for x in ev[:4]) for ev in events)
    for (s1, e1, *_), (s2, _e2, *_) in zip(events, events[1:]):
        if s2 < e1:
            raise ValueError("copy-number segments overlap")
    starts, ends, cas, cbs = [], [], [], []
    ev = iter(events + [(None, None, None, None)])
    nxt = next(ev)
    for ci in range(len(genome.names)):
        pos, cend = int(genome.offsets[ci]), int(genome.offsets[ci + 1])
        while pos < cend:
            if nxt[0] is not None and nxt[0] < cend:
                s, e, a, b = nxt
                if e > cend:
                    raise ValueError("copy-number segment spans two contigs")
                if s > pos:
                    starts.append(pos), ends.append(s), cas.append(1), cbs.append(1)
                starts.append(s), ends.append(e), cas.append(a), cbs.append(b)
                pos = e
                nxt = next(ev)
            else:
                starts.append(pos), ends.append(cend), cas.append(1), cbs.append(1)
                pos = cend
    k = 2 if wgd else 1
    return CopyNumber(starts, ends, k * np.array(cas), k * np.array(cbs), genome.offsets)


def _event_states(rng, genome_size):
    """[(kind, relative size class, (major, minor))] of the default layout."""
    kinds = ["gain", "gain", "loss", "loss", "cnloh"]
    for _ in range(genome_size // 25_000_000):
        kinds += ["gain", "loss"]
    amp_total = int(rng.integers(7, 10))
    states = {"gain": (2, 1), "loss": (1, 0), "cnloh": (2, 0)}
    out = [(k, "big", states[k]) for k in kinds]
    out.append(("amp", "amp", (amp_total - 1, 1)))
    out.append(("homdel", "homdel", (0, 0)))
    return out


def _size(rng, cls, g):
    if cls == "big":
        n = g * rng.uniform(0.04, 0.10)
        if 0.10 * g >= 50_000:
            n = max(n, 50_000)
    elif cls == "amp":
        n = min(rng.uniform(50_000, 200_000), 0.03 * g)
    else:
        n = min(rng.uniform(20_000, 100_000), 0.02 * g)
    return int(n)


def random_layout(rng, genome):
    """Seeded default events [(gstart, gend, cn_a, cn_b, kind)]."""
    g = int((~genome.is_n).sum())
    pad = max(1000, int(0.005 * g))
    lengths = genome.lengths.astype(float)
    placed = []
    for kind, cls, (major, minor) in _event_states(rng, g):
        size = _size(rng, cls, g)
        ok = False
        while size >= 500 and not ok:
            for _try in range(500):
                fits = lengths * 0.8 > size
                if not fits.any():
                    break
                p = np.where(fits, lengths, 0)
                ci = int(rng.choice(len(lengths), p=p / p.sum()))
                s = int(genome.offsets[ci]) + int(rng.integers(0, int(lengths[ci]) - size))
                e = s + size
                if genome.is_n[s:e].mean() > 0.10:
                    continue
                if any(s < pe + pad and ps < e + pad for ps, pe, *_ in placed):
                    continue
                ok = True
                break
            if not ok:
                size = int(size * 0.7)
        if not ok:
            print(f"simulate: warning: no room for a {kind} event; left out")
            continue
        a, b = (major, minor) if rng.random() < 0.5 else (minor, major)
        placed.append((s, e, a, b, kind))
    return sorted(placed)


def _norm(name):
    return name.lower().lstrip("#").replace("_", "")


def read_bed(path, genome, origins, rng):
    """Events from --cn-segments: chrom start end + (majorCN minorCN) or hap columns.

    Columns are recognised by a header line naming hapA_cn/hapB_cn (used
    as is) or major_cn/minor_cn; without a header columns 4 and 5 are
    major and minor CN. Major goes to a random haplotype per segment.
    `chrom` is a simulated contig name, or an original contig name whose
    coordinates fall inside a cut region (--regions).
    """
    hap_cols = None
    major_cols = (3, 4)
    events = []
    with open(path) as fh:
        for line in fh:
            if not line.strip():
                continue
            f = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if line.startswith("#") or (not events and not f[1].isdigit()):
                names = [_norm(x) for x in f]
                if "hapacn" in names and "hapbcn" in names:
                    hap_cols = (names.index("hapacn"), names.index("hapbcn"))
                elif "majorcn" in names and "minorcn" in names:
                    major_cols = (names.index("majorcn"), names.index("minorcn"))
                continue
            chrom, s, e = f[0], int(f[1]), int(f[2])
            gs = _global(genome, origins, chrom, s, e)
            if hap_cols:
                a, b = int(f[hap_cols[0]]), int(f[hap_cols[1]])
            else:
                major, minor = int(f[major_cols[0]]), int(f[major_cols[1]])
                a, b = (major, minor) if rng.random() < 0.5 else (minor, major)
            if a < 0 or b < 0:
                raise ValueError(f"{path}: negative copy number")
            events.append((gs, gs + (e - s), a, b, "bed"))
    return events


def _global(genome, origins, chrom, s, e):
    if chrom in genome.names:
        ci = genome.names.index(chrom)
        if not 0 <= s < e <= genome.lengths[ci]:
            raise ValueError(f"segment {chrom}:{s}-{e} outside the contig")
        return int(genome.offsets[ci]) + s
    for ci, (orig, beg) in enumerate(origins):
        if orig == chrom and beg <= s and e <= beg + genome.lengths[ci]:
            return int(genome.offsets[ci]) + s - beg
    raise ValueError(f"segment {chrom}:{s}-{e} is not inside a simulated contig")
