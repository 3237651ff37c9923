"""Seeded read pairs that carry insertions and deletions, aligned as an
aligner would: each fragment is drawn from a haplotype (the reference with
some indels applied), and each read's CIGAR follows the edits (M, I, D; an
insertion at a read's end becomes a soft clip). Reads are 2 x 100 bp, Q30,
substitution errors at 1e-3, as in generated_reads.py."""
import numpy as np

from generated_reads import BASES, ERROR, FRAGMENT, FRAGMENT_SD, READ, read_pair, write_sorted


def haplotype(reference, edits):
    """The sequence and, per base, its reference position (-1: inserted).
    edits: [(start, deleted length, inserted bases)] sorted, start 0-based."""
    seq, ref_pos, at = [], [], 0
    for start, deleted, inserted in edits:
        seq += list(reference[at:start])
        ref_pos += list(range(at, start))
        seq += list(inserted)
        # A substitution (as many bases in as out) keeps its positions.
        ref_pos += list(range(start, start + deleted)) if deleted == len(inserted) else [-1] * len(inserted)
        at = start + deleted
    seq += list(reference[at:])
    ref_pos += list(range(at, len(reference)))
    return np.array(seq), np.array(ref_pos)


def cigar_of(ref_pos):
    """(reference start, CIGAR string) of a read's bases given their
    reference positions; inserted bases at either end are soft-clipped."""
    ops = []
    prev = None
    for p in ref_pos:
        if p < 0:
            op = "S" if prev is None else "I"
        else:
            if prev is not None and p > prev + 1:
                ops.append(["D", p - prev - 1])
            op = "M"
            prev = p
        if ops and ops[-1][0] == op:
            ops[-1][1] += 1
        else:
            ops.append([op, 1])
    if ops[-1][0] == "I":
        ops[-1][0] = "S"
    while ops and ops[-1][0] == "D":
        ops.pop()
    start = next(int(p) for p in ref_pos if p >= 0)
    return start, "".join(f"{n}{op}" for op, n in ops)


def misaligned(ref_pos, within):
    """The reference positions of a read aligned without a deletion that
    lies within `within` bases of its end, as aligners do (mismatches
    instead of the gap): the short side is shifted against the long one."""
    ref_pos = np.array(ref_pos)
    if (ref_pos < 0).any():
        return ref_pos
    gaps = np.nonzero(np.diff(ref_pos) > 1)[0]
    if len(gaps) != 1:
        return ref_pos
    g = int(gaps[0]) + 1  # the first base after the deletion
    if len(ref_pos) - g < within:
        return np.concatenate([ref_pos[:g], ref_pos[g - 1] + 1 + np.arange(len(ref_pos) - g)])
    if g < within:
        return np.concatenate([ref_pos[g] - g + np.arange(g), ref_pos[g:]])
    return ref_pos


def write_indel_bam(path, sample, reference, variants, depth, seed, contig="chr1", misalign_within=0):
    """variants: [(start, deleted length, inserted bases, fraction)]; each
    fragment carries each variant with its fraction (independently); a
    substitution is a variant with as many bases inserted as deleted. With
    misalign_within, reads ending within that many bases past a deletion
    are aligned with mismatches instead (misaligned())."""
    import pysam
    g = np.random.default_rng(seed)
    length = len(reference)
    header = {"HD": {"VN": "1.6", "SO": "coordinate"}, "SQ": [{"SN": contig, "LN": length}],
              "RG": [{"ID": sample, "SM": sample.upper(), "LB": sample + "-lib1", "PL": "ILLUMINA"}]}
    n = int(depth * length / (2 * READ))
    starts = g.integers(0, length - FRAGMENT - 100, size=n)
    lengths = np.clip(g.normal(FRAGMENT, FRAGMENT_SD, size=n).astype(int), 2 * READ, FRAGMENT + 100)
    cache = {}
    reads = []
    for k in range(n):
        s, frag = int(starts[k]), int(lengths[k])
        carried = tuple(v[:3] for v in variants if s - 60 <= v[0] < s + frag + 60 and g.random() < v[3])
        if carried not in cache:
            cache[carried] = haplotype(reference, sorted(carried))
        seq, ref_pos = cache[carried]
        h = int(np.argmax(ref_pos >= s))  # the fragment's first base on this haplotype
        mates = []
        for start in (h, h + frag - READ):
            bases = seq[start:start + READ].copy()
            for x in np.nonzero(g.random(READ) < ERROR)[0]:
                bases[x] = BASES[(np.searchsorted(BASES, bases[x]) + g.integers(1, 4)) % 4]
            positions = ref_pos[start:start + READ]
            if misalign_within:
                positions = misaligned(positions, misalign_within)
            ref_start, cigar = cigar_of(positions)
            mates.append((ref_start, "".join(bases), cigar))
        pair = read_pair(f"{sample}_{k}", [(m[0], m[1]) for m in mates], frag, sample)
        for read, m in zip(pair, mates):
            read.cigarstring = m[2]
        reads += pair
    write_sorted(path, header, reads)
