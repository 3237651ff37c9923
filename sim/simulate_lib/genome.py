"""The reference as one concatenated array with global coordinates.

Every later step (germline SNPs, copy-number segments, somatic SNVs, read
fragments) works on global 0-based positions into `Genome.seq`, so sampling
is a single vectorised draw over the whole genome. Contig boundaries are
kept in `offsets`; nothing may span two contigs.
"""
import numpy as np

BASES = b"ACGT"
# ASCII -> 0..3 for A,C,G,T and 4 for anything else.
CODE = np.full(256, 4, dtype=np.uint8)
for _i, _b in enumerate(BASES):
    CODE[_b] = _i
COMPLEMENT = bytes.maketrans(b"ACGTN", b"TGCAN")
COMP_ARRAY = np.frombuffer(bytes(range(256)).translate(COMPLEMENT), dtype=np.uint8)


class Genome:
    def __init__(self, records):
        self.names = [n for n, _ in records]
        self.lengths = np.array([len(s) for _, s in records], dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)]).astype(np.int64)
        self.seq = np.concatenate([s for _, s in records]) if records else np.zeros(0, np.uint8)
        self.size = int(self.offsets[-1])
        self.is_n = self.seq == ord("N")

    def records(self, seq=None):
        """[(name, per-contig view)] of seq (default: the reference)."""
        seq = self.seq if seq is None else seq
        return [(n, seq[self.offsets[i]:self.offsets[i + 1]]) for i, n in enumerate(self.names)]

    def contig_index(self, gpos):
        """Contig index of global position(s)."""
        return np.searchsorted(self.offsets, gpos, side="right") - 1

    def to_local(self, gpos):
        """(contig names, 0-based local positions) of global positions."""
        gpos = np.asarray(gpos, dtype=np.int64)
        ci = self.contig_index(gpos)
        return [self.names[i] for i in ci], gpos - self.offsets[ci]

    def to_global(self, name, pos):
        return int(self.offsets[self.names.index(name)]) + int(pos)

    def edge_mask(self):
        """True at the first and last base of each contig (no full trinucleotide)."""
        m = np.zeros(self.size, dtype=bool)
        m[self.offsets[:-1]] = True
        m[self.offsets[1:] - 1] = True
        return m

    def n_runs(self):
        """Global [start, end) intervals of N, as an (k, 2) array."""
        d = np.diff(np.concatenate([[0], self.is_n.view(np.int8), [0]]))
        return np.stack([np.flatnonzero(d == 1), np.flatnonzero(d == -1)], axis=1)


def subtract_intervals(intervals, holes):
    """intervals minus holes; both sorted, non-overlapping (k, 2) arrays."""
    out = []
    hs, he = holes[:, 0], holes[:, 1]
    for s, e in intervals:
        i = np.searchsorted(he, s, side="right")
        cur = s
        while i < len(hs) and hs[i] < e:
            if hs[i] > cur:
                out.append((cur, hs[i]))
            cur = max(cur, he[i])
            i += 1
        if cur < e:
            out.append((cur, e))
    return np.array(out, dtype=np.int64).reshape(-1, 2)
