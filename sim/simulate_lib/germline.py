"""Germline SNPs and the two haplotypes (A, B) of the normal genome.

Human-like: rate ~1e-3 per bp, 2/3 heterozygous (on haplotype A or B at
random), 1/3 homozygous alternate, transitions twice as common as
transversions (Ti/Tv ~2, as in whole-genome call sets).
"""
import numpy as np

from .genome import CODE

# For ref base code 0..3 (A,C,G,T): the transition partner and the two transversions.
_TRANSITION = np.array([2, 3, 0, 1], dtype=np.uint8)          # A<->G, C<->T
_TRANSVERSIONS = np.array([[1, 3], [0, 2], [1, 3], [0, 2]], dtype=np.uint8)
_ASCII = np.frombuffer(b"ACGT", dtype=np.uint8)


class Germline:
    """Sorted global positions, ref/alt ASCII bases and haplotype flags."""

    def __init__(self, pos, ref, alt, on_a, on_b):
        self.pos, self.ref, self.alt, self.on_a, self.on_b = pos, ref, alt, on_a, on_b

    def haplotypes(self, ref_seq):
        """Two uint8 arrays: the reference with A's and with B's alleles."""
        hap_a = ref_seq.copy()
        hap_b = ref_seq.copy()
        hap_a[self.pos[self.on_a]] = self.alt[self.on_a]
        hap_b[self.pos[self.on_b]] = self.alt[self.on_b]
        return hap_a, hap_b

    def genotypes(self):
        """VCF GT strings of the normal: 1|0 (A), 0|1 (B) or 1|1."""
        return np.where(self.on_a & self.on_b, "1|1", np.where(self.on_a, "1|0", "0|1"))


def _sample_positions(rng, allowed, count):
    """`count` distinct uniformly random positions where `allowed` is True."""
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    frac = allowed.mean()
    chosen = np.zeros(0, dtype=np.int64)
    while len(chosen) < count:
        draw = rng.integers(0, len(allowed), int(2 * count / frac) + 100)
        draw = draw[allowed[draw]]
        allm = np.concatenate([chosen, draw])
        _, first = np.unique(allm, return_index=True)
        chosen = allm[np.sort(first)]  # de-duplicate, keep draw order
    return chosen[:count]


def simulate(rng, genome, rate):
    allowed = ~genome.is_n
    count = int(rng.binomial(int(allowed.sum()), rate))
    pos = np.sort(_sample_positions(rng, allowed, count))
    ref_code = CODE[genome.seq[pos]]
    ti = rng.random(count) < 2 / 3
    alt_code = np.where(ti, _TRANSITION[ref_code],
                        _TRANSVERSIONS[ref_code, rng.integers(0, 2, count)])
    hom = rng.random(count) < 1 / 3
    on_a_het = rng.random(count) < 0.5
    on_a = hom | on_a_het
    on_b = hom | ~on_a_het
    return Germline(pos, genome.seq[pos], _ASCII[alt_code], on_a, on_b)
