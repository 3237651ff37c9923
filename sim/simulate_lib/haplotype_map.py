"""A chromosome copy with its indels applied, and the map back to the reference.

Substitutions (SNPs, SNVs, MNVs) keep coordinates, so they are written into
a reference-coordinate copy first; indels then change the length. A copy's
own coordinates ("unit" positions) differ from the reference's by the sum
of the indels to their left. Event j (sorted by position) starts at
reference base r_j (the base after the VCF padding base) and unit base
u_j: an insertion occupies unit bases [u_j, u_j + ins_j), a deletion
removes reference bases [r_j, r_j + del_j) and lies between unit bases
u_j - 1 and u_j.

Fragments are drawn in unit coordinates; `align` turns a read's unit
interval into its true reference position and CIGAR (M, I, D, and S for
the part of an insertion at a read's start or end, as an aligner would
clip it). Without indels the map is the identity and costs nothing.
"""
import numpy as np


class HaplotypeMap:
    def __init__(self, seq, indels=None):
        n = 0 if indels is None else len(indels)
        self.n = n
        if n == 0:
            self.seq = seq
            return
        r = indels.pos + 1
        ins = np.array([len(a) - 1 if len(a) > len(b) else 0 for b, a in zip(indels.ref, indels.alt)],
                       dtype=np.int64)
        dele = np.array([len(b) - 1 if len(b) > len(a) else 0 for b, a in zip(indels.ref, indels.alt)],
                        dtype=np.int64)
        pieces, prev = [], 0
        for j in range(n):
            pieces.append(seq[prev:r[j]])
            if ins[j]:
                pieces.append(np.frombuffer(indels.alt[j][1:].encode(), dtype=np.uint8))
            prev = int(r[j] + dele[j])
        pieces.append(seq[prev:])
        self.seq = np.concatenate(pieces)
        step = ins - dele
        self.shift_after = np.cumsum(step)
        self.r = r
        self.u = r + self.shift_after - step
        self.ins, self.dele = ins, dele
        self.end_u = self.u + ins

    def to_unit(self, ref_pos):
        """Unit positions of reference positions outside events (interval ends)."""
        ref_pos = np.asarray(ref_pos, dtype=np.int64)
        if self.n == 0:
            return ref_pos
        k = np.searchsorted(self.r, ref_pos, side="left")
        return ref_pos + np.where(k > 0, self.shift_after[np.maximum(k - 1, 0)], 0)

    def to_ref(self, unit_pos):
        """Reference positions of unit bases that are not inserted bases."""
        unit_pos = np.asarray(unit_pos, dtype=np.int64)
        if self.n == 0:
            return unit_pos
        j = np.searchsorted(self.u, unit_pos, side="right") - 1
        return unit_pos - np.where(j >= 0, self.shift_after[np.maximum(j, 0)], 0)

    def touched(self, starts, length):
        """Mask of reads [start, start+length) that overlap an event."""
        starts = np.asarray(starts, dtype=np.int64)
        if self.n == 0:
            return np.zeros(len(starts), dtype=bool)
        j = np.searchsorted(self.end_u, starts, side="right")
        jj = np.minimum(j, self.n - 1)
        return (j < self.n) & (self.u[jj] < starts + length)

    def align(self, a, length):
        """(reference start, [(op, n)]) of the read at unit [a, a+length)."""
        end = a + length
        j = int(np.searchsorted(self.end_u, a, side="right"))
        ops, cur, start = [], a, None
        while j < self.n and self.u[j] < end:
            u = int(self.u[j])
            if self.ins[j]:
                if u > cur:
                    ops.append(("M", u - cur))
                    start = int(self.to_ref(cur)) if start is None else start
                e0 = min(u + int(self.ins[j]), end)
                ops.append(("S" if start is None or e0 == end else "I", e0 - max(cur, u)))
                cur = e0
            else:
                start = int(self.to_ref(cur)) if start is None else start
                ops.append(("M", u - cur))
                ops.append(("D", int(self.dele[j])))
                cur = u
            j += 1
        if cur < end:
            start = int(self.to_ref(cur)) if start is None else start
            ops.append(("M", end - cur))
        return start, ops
