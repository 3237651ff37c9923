"""A synthetic human-like reference (--synthetic LENGTH[,LENGTH...]).

Uniform random sequence is too easy for aligners and callers, so the genome
gets the features that make real data hard, each at a human-like scale:
  * isochore-like GC domains (~100 kb, 35-60% GC): depth and GC bias tests;
  * CpG depletion (most CpGs mutated to TpG/CpA as in real genomes), which
    matters for signatures: SBS1 is C>T at CpG and must not be over-offered;
  * interspersed repeat families (SINE-, LINE-, LTR- and DNA-like, 300 bp to
    6 kb) copied at 5-15% divergence: multi-mapping seeds;
  * segmental duplications (10-30 kb, scaled down for tiny genomes) at 1-3%
    divergence, so some reads are ambiguous (reported in truth.segdups.bed);
  * microsatellites (1-6 bp units), and N gaps of a few kb.
Build order matters: repeats and microsatellites come before segmental
duplications so duplicated blocks carry them too; N gaps come last.
"""
import numpy as np

from .genome import BASES

_ASCII = np.frombuffer(BASES, dtype=np.uint8)

# (name, consensus length, consensus GC, fraction of genome, full-length copies?)
REPEAT_FAMILIES = [
    ("SINE", 300, 0.55, 0.10, True),
    ("LINE", 6000, 0.40, 0.12, False),  # mostly 5'-truncated fragments
    ("LTR", 1000, 0.45, 0.04, True),
    ("DNA", 1500, 0.42, 0.03, False),
]


def _random_bases(rng, n, gc):
    u = rng.random(n)
    codes = np.where(u < gc / 2, 1, np.where(u < gc, 2, np.where(u < gc + (1 - gc) / 2, 0, 3)))
    return codes.astype(np.uint8)


def _mutate(rng, codes, rate):
    """Substitute each base with probability `rate` by a different base."""
    out = codes.copy()
    hit = rng.random(len(out)) < rate
    out[hit] = (out[hit] + rng.integers(1, 4, hit.sum())) % 4
    return out


def _revcomp_codes(codes):
    return (3 - codes)[::-1]


def _gc_domains(rng, length):
    codes = np.empty(length, dtype=np.uint8)
    pos = 0
    while pos < length:
        size = int(np.clip(rng.exponential(100_000), 20_000, 300_000))
        end = min(length, pos + size)
        codes[pos:end] = _random_bases(rng, end - pos, rng.uniform(0.35, 0.60))
        pos = end
    return codes


def _deplete_cpg(rng, codes, keep=0.25):
    """Mutate ~75% of CpGs (C>T or G>A, as methyl-C deamination does)."""
    cpg = np.flatnonzero((codes[:-1] == 1) & (codes[1:] == 2))
    hit = cpg[rng.random(len(cpg)) >= keep]
    to_t = rng.random(len(hit)) < 0.5
    codes[hit[to_t]] = 3          # C -> T
    codes[hit[~to_t] + 1] = 0     # G -> A


def _place(rng, contigs, length):
    """Random (contig index, start) for a block of `length`, weighted by size."""
    sizes = np.array([len(c) for c in contigs], dtype=float)
    ok = sizes > length
    if not ok.any():
        return None
    p = np.where(ok, sizes, 0)
    ci = int(rng.choice(len(contigs), p=p / p.sum()))
    return ci, int(rng.integers(0, len(contigs[ci]) - length))


def _add_repeats(rng, contigs, total):
    for _name, cons_len, gc, frac, full in REPEAT_FAMILIES:
        consensus = _random_bases(rng, cons_len, gc)
        target = frac * total
        placed = 0
        while placed < target:
            if full:
                n = int(cons_len * rng.uniform(0.85, 1.0))
            else:
                n = int(min(cons_len, max(300, rng.exponential(cons_len / 4))))
            copy = consensus[cons_len - n:]  # truncated from the 5' end
            copy = _mutate(rng, copy, rng.uniform(0.05, 0.15))
            if rng.random() < 0.5:
                copy = _revcomp_codes(copy)
            where = _place(rng, contigs, n)
            if where is None:
                break
            ci, s = where
            contigs[ci][s:s + n] = copy
            placed += n


def _add_microsatellites(rng, contigs, total):
    units = np.array([1, 2, 3, 4, 5, 6])
    weights = np.array([0.3, 0.3, 0.1, 0.2, 0.05, 0.05])
    for _ in range(max(1, total // 3000)):
        unit = rng.integers(0, 4, int(rng.choice(units, p=weights))).astype(np.uint8)
        n = int(rng.integers(12, 61))
        tract = np.resize(unit, n)
        tract = _mutate(rng, tract, 0.02)  # imperfect repeats, as in real STRs
        where = _place(rng, contigs, n)
        if where:
            ci, s = where
            contigs[ci][s:s + n] = tract


def _overlaps(intervals, ci, s, e, pad):
    return any(c == ci and s < ee + pad and ss < e + pad for c, ss, ee in intervals)


def _add_segdups(rng, contigs, total):
    """Copy 10-30 kb blocks (smaller on tiny contigs) at 1-3% divergence."""
    n = max(1, round(0.015 * total / 20_000))
    used = []
    for _ in range(n):
        for _try in range(200):
            size = int(rng.uniform(10_000, 30_000))
            size = min(size, int(0.08 * min(len(c) for c in contigs)))
            if size < 1000:
                return used
            src = _place(rng, contigs, size)
            dst = _place(rng, contigs, size)
            if src is None or dst is None:
                return used
            (sc, ss), (dc, ds) = src, dst
            if (sc == dc and abs(ss - ds) < size + 5000) or \
               _overlaps(used, sc, ss, ss + size, 5000) or _overlaps(used, dc, ds, ds + size, 5000):
                continue
            block = _mutate(rng, contigs[sc][ss:ss + size], rng.uniform(0.01, 0.03))
            if rng.random() < 0.5:
                block = _revcomp_codes(block)
            contigs[dc][ds:ds + size] = block
            used += [(sc, ss, ss + size), (dc, ds, ds + size)]
            break
    return used


def _add_gaps(rng, contigs):
    """N gaps of a few kb, away from contig ends. Marked with code 4."""
    for codes in contigs:
        length = len(codes)
        for _ in range(1 + length // 20_000_000):
            size = int(min(rng.uniform(1000, 5000), 0.03 * length))
            if size < 50:
                continue
            s = int(rng.integers(int(0.1 * length), int(0.9 * length) - size))
            codes[s:s + size] = 4


def build(lengths, rng):
    """Records [(chrN, uint8 ASCII array)] and segdups [(chrN, start, end)]."""
    contigs = [_gc_domains(rng, int(n)) for n in lengths]
    for codes in contigs:
        _deplete_cpg(rng, codes)
    total = int(sum(lengths))
    _add_repeats(rng, contigs, total)
    _add_microsatellites(rng, contigs, total)
    segdups = _add_segdups(rng, contigs, total)
    _add_gaps(rng, contigs)
    ascii_of = np.append(_ASCII, np.uint8(ord("N")))
    names = [f"chr{i + 1}" for i in range(len(contigs))]
    records = [(names[i], ascii_of[c]) for i, c in enumerate(contigs)]
    segdups = sorted((names[c], s, e) for c, s, e in segdups)
    return records, segdups
