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

Whole-genome doubling (`doubled`): every state of that layout doubled,
then changes after the doubling, as in real doubled tumours: single-copy
losses and gains of one haplotype (odd totals: 2+1, 3+2, 1+0 from 2+0) and
the loss of both copies of one haplotype (LOH after doubling: 2+0, 4+0).

Subclonal copy number (`with_subclones`): segments where the subclone's
cells (the SNV subclone, at --subclone-ccf) carry one copy more or less of
one haplotype than the clone; the clone's state is the segment's clonal
state, the subclone's state and cell fraction are kept beside it.
"""
import numpy as np


class CopyNumber:
    def __init__(self, start, end, cn_a, cn_b, contig_starts=(), sub_a=None, sub_b=None, sub_fraction=0.0):
        self.contig_starts = {int(x) for x in contig_starts}  # never merge across these
        self.start = np.asarray(start, dtype=np.int64)
        self.end = np.asarray(end, dtype=np.int64)
        self.cn_a = np.asarray(cn_a, dtype=np.int64)
        self.cn_b = np.asarray(cn_b, dtype=np.int64)
        # The subclone's cells' state; equal to the clone's where it has no change of its own.
        self.sub_a = self.cn_a.copy() if sub_a is None else np.asarray(sub_a, dtype=np.int64)
        self.sub_b = self.cn_b.copy() if sub_b is None else np.asarray(sub_b, dtype=np.int64)
        self.sub_fraction = float(sub_fraction)

    def hap_cn(self, hap, subclone=False):
        if subclone:
            return self.sub_a if hap == 0 else self.sub_b
        return self.cn_a if hap == 0 else self.cn_b

    def subclonal(self):
        """Per segment: does the subclone's state differ from the clone's?"""
        return (self.sub_a != self.cn_a) | (self.sub_b != self.cn_b)

    def at(self, gpos):
        """(cn_a, cn_b) at global positions."""
        i = np.searchsorted(self.start, gpos, side="right") - 1
        return self.cn_a[i], self.cn_b[i]

    def ploidy(self, genome):
        """Mean tumour total CN over tumour cells (clone and subclone), weighted
        by non-N bases (what reads can see)."""
        weights = np.array([np.count_nonzero(~genome.is_n[s:e])
                            for s, e in zip(self.start, self.end)], dtype=float)
        f = self.sub_fraction
        total = (1 - f) * (self.cn_a + self.cn_b) + f * (self.sub_a + self.sub_b)
        return float(np.sum(weights * total) / weights.sum())

    def present(self, hap, copy, subclone=False):
        """Merged global intervals where haplotype `hap` has more than `copy`
        copies (in the subclone's cells with `subclone`)."""
        keep = self.hap_cn(hap, subclone) > copy
        out = []
        for s, e in zip(self.start[keep], self.end[keep]):
            if out and out[-1][1] == s and int(s) not in self.contig_starts:
                out[-1][1] = e
            else:
                out.append([s, e])
        return np.array(out, dtype=np.int64).reshape(-1, 2)

    def max_copies(self, hap):
        if not len(self.start):
            return 0
        return int(max(self.hap_cn(hap).max(), self.hap_cn(hap, True).max()))

    def bed_rows(self, genome):
        """Local BED rows [chrom, start, end, a, b, sub_a, sub_b, cell fraction
        of the subclonal state (0 without one)], adjacent equal segments merged."""
        rows = []
        sub = self.subclonal()
        for s, e, a, b, sa, sb, x in zip(self.start, self.end, self.cn_a, self.cn_b,
                                         self.sub_a, self.sub_b, sub):
            ci = int(genome.contig_index(s))
            name, off = genome.names[ci], int(genome.offsets[ci])
            state = [int(a), int(b), int(sa), int(sb), self.sub_fraction if x else 0.0]
            if rows and rows[-1][0] == name and rows[-1][2] == s - off and rows[-1][3:] == state:
                rows[-1][2] = int(e - off)
            else:
                rows.append([name, int(s - off), int(e - off)] + state)
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


def _with_change(cn, s, e, da, db, subclone=False):
    """A copy of `cn` with da/db copies added to haplotypes A/B on [s, e)
    (of the subclone's state only with `subclone`); no haplotype below 0."""
    cuts = np.unique(np.concatenate([cn.start, [s, e]]))
    cuts = cuts[(cuts >= cn.start[0]) & (cuts < cn.end[-1])]
    i = np.searchsorted(cn.start, cuts, side="right") - 1
    ends = np.append(cuts[1:], cn.end[-1])
    a, b, sa, sb = cn.cn_a[i].copy(), cn.cn_b[i].copy(), cn.sub_a[i].copy(), cn.sub_b[i].copy()
    inside = (cuts >= s) & (ends <= e)
    sa[inside] = np.maximum(0, sa[inside] + da)
    sb[inside] = np.maximum(0, sb[inside] + db)
    if not subclone:
        a[inside] = np.maximum(0, a[inside] + da)
        b[inside] = np.maximum(0, b[inside] + db)
    return CopyNumber(cuts, ends, a, b, cn.contig_starts, sa, sb, cn.sub_fraction)


def _pad(size):
    """The gap kept between two placed events of a genome of `size` bases."""
    return max(1000, int(0.005 * size))


def _free_interval(rng, genome, size, avoid, pad):
    """A random [s, e) of about `size` bases inside one contig, mostly not N,
    at least `pad` bases clear of the intervals (s, e, ...) in `avoid`
    (shrunk by 0.7 until it fits); None when there is no room."""
    lengths = genome.lengths.astype(float)
    while size >= 500:
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
            if any(s < pe + pad and ps < e + pad for ps, pe, *_ in avoid):
                continue
            return s, e
        size = int(size * 0.7)
    return None


def doubled(rng, genome, cn, changes):
    """Whole-genome doubling of `cn`, then `changes` events after it, cycling
    through: one haplotype loses a copy, one gains a copy, one loses both its
    copies (LOH after doubling). Each covers 4-10% of the genome (at least
    50 kb when there is room) anywhere, so it may land on an event of the
    layout (a doubled 2+0 losing a copy becomes 1+0, a doubled 2+2 LOH
    becomes 2+0 or, gained before, 4+0 ...)."""
    out = CopyNumber(cn.start, cn.end, 2 * cn.cn_a, 2 * cn.cn_b, cn.contig_starts)
    g = int((~genome.is_n).sum())
    kinds = [(-1, 0), (1, 0), (-2, 0)]
    placed = []
    for k in range(changes):
        size = int(max(g * rng.uniform(0.04, 0.10), min(50_000, 0.10 * g)))
        where = _free_interval(rng, genome, size, placed, _pad(genome.size))
        if where is None:
            print("simulate: warning: no room for a change after doubling; left out")
            continue
        da, db = kinds[k % len(kinds)]
        if rng.random() < 0.5:
            da, db = db, da
        placed.append(where)
        out = _with_change(out, *where, da, db)
    return out


def with_subclones(rng, genome, cn, count, fraction):
    """`count` segments (2-6% of the genome each, not overlapping) where the
    subclone, in `fraction` of the tumour cells, has one copy of one
    haplotype more or less than the clone (a loss only where that
    haplotype has a copy)."""
    out = CopyNumber(cn.start, cn.end, cn.cn_a, cn.cn_b, cn.contig_starts, cn.sub_a, cn.sub_b, fraction)
    g = int((~genome.is_n).sum())
    placed = []
    for _ in range(count):
        size = int(max(g * rng.uniform(0.02, 0.06), min(50_000, 0.06 * g)))
        where = _free_interval(rng, genome, size, placed, _pad(genome.size))
        if where is None:
            print("simulate: warning: no room for a subclonal copy-number change; left out")
            continue
        hap = int(rng.integers(0, 2))
        i = np.searchsorted(out.start, (where[0] + where[1]) // 2, side="right") - 1
        have = out.hap_cn(hap)[i]
        delta = 1 if have == 0 or rng.random() < 0.5 else -1
        placed.append(where)
        out = _with_change(out, *where, delta if hap == 0 else 0, delta if hap == 1 else 0, subclone=True)
    return out


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
    placed = []
    for kind, cls, (major, minor) in _event_states(rng, g):
        where = _free_interval(rng, genome, _size(rng, cls, g), placed, _pad(g))
        if where is None:
            print(f"simulate: warning: no room for a {kind} event; left out")
            continue
        a, b = (major, minor) if rng.random() < 0.5 else (minor, major)
        placed.append((*where, a, b, kind))
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
