"""Seeded reads for the end-to-end tests that need people, not a genome's
worth of simulation: a random reference, people made of two haplotypes, and
sorted, indexed BAMs of 2 x 100 bp fragments (300 +- 30 bp, Q30, substitution
errors at 1e-3, mates facing each other, read 1 forward), each fragment from
one haplotype of one person drawn by weight. `extra` adds alleles that are
no one's genotype (artefacts, somatic mutations): at each listed position,
every read covering it carries the alt base with the given probability."""
import numpy as np
import pysam

BASES = np.array(list("ACGT"))
READ, FRAGMENT, FRAGMENT_SD, ERROR = 100, 300, 30, 1e-3


def write_reference(path, rng, length, name="chr1"):
    reference = rng.choice(BASES, size=length)
    with open(path, "w") as f:
        f.write(f">{name}\n")
        seq = "".join(reference)
        for i in range(0, len(seq), 60):
            f.write(seq[i:i + 60] + "\n")
    pysam.faidx(path)
    return reference


def other_base(base, rng):
    return BASES[(np.searchsorted(BASES, base) + 1 + rng.integers(0, 3)) % 4]


def person(reference, sites, alts, carries):
    """Haplotype sequences: carries is a (2, len(sites)) boolean array."""
    haplotypes = []
    for h in range(2):
        seq = reference.copy()
        seq[sites[carries[h]]] = alts[carries[h]]
        haplotypes.append(seq)
    return haplotypes


def write_bam(path, sample, sources, depth, seed, extra=None, contig="chr1"):
    """sources: [(haplotypes, weight)]; extra: {pos: (alt base, probability)}."""
    g = np.random.default_rng(seed)
    length = len(sources[0][0][0])
    header = {"HD": {"VN": "1.6", "SO": "coordinate"}, "SQ": [{"SN": contig, "LN": length}],
              "RG": [{"ID": sample, "SM": sample.upper(), "LB": sample + "-lib1", "PL": "ILLUMINA"}]}
    n = int(depth * length / (2 * READ))
    starts = g.integers(0, length - FRAGMENT - 100, size=n)
    lengths = np.clip(g.normal(FRAGMENT, FRAGMENT_SD, size=n).astype(int), 2 * READ, FRAGMENT + 100)
    weights = np.array([w for _, w in sources], dtype=float)
    whose = g.choice(len(sources), size=n, p=weights / weights.sum())
    haplotype = g.integers(0, 2, size=n)
    extra = extra or {}
    extra_positions = np.array(sorted(extra), dtype=int)
    reads = []
    for k in range(n):
        source = sources[whose[k]][0][haplotype[k]]
        s, frag = int(starts[k]), int(lengths[k])
        mates = []
        for start in (s, s + frag - READ):
            seq = source[start:start + READ].copy()
            lo, hi = np.searchsorted(extra_positions, [start, start + READ])
            for p in extra_positions[lo:hi]:
                alt, probability = extra[int(p)]
                if g.random() < probability:
                    seq[p - start] = alt
            for x in np.nonzero(g.random(READ) < ERROR)[0]:
                seq[x] = BASES[(np.searchsorted(BASES, seq[x]) + g.integers(1, 4)) % 4]
            mates.append((start, "".join(seq)))
        reads += read_pair(f"{sample}_{k}", mates, frag, sample)
    write_sorted(path, header, reads)


def read_pair(name, mates, fragment, read_group, read1_forward=True):
    """Two facing mates, [(start, sequence)] leftmost first, as pysam reads
    (the leftmost forward), Q30, mapping quality 60."""
    out = []
    for m, (start, seq) in enumerate(mates):
        forward = m == 0
        first = forward == read1_forward
        read = pysam.AlignedSegment()
        read.query_name = name
        read.query_sequence = seq
        read.flag = 1 | 2 | (64 if first else 128) | (0 if forward else 16) | (32 if forward else 0)
        read.reference_id = 0
        read.reference_start = start
        read.mapping_quality = 60
        read.cigarstring = f"{len(seq)}M"
        read.next_reference_id = 0
        read.next_reference_start = mates[1 - m][0]
        read.template_length = fragment if m == 0 else -fragment
        read.query_qualities = pysam.qualitystring_to_array("?" * len(seq))
        read.set_tag("RG", read_group)
        read.set_tag("MQ", 60)
        out.append(read)
    return out


def write_sorted(path, header, reads):
    """Reads sorted by position into an indexed BAM."""
    reads.sort(key=lambda r: r.reference_start)
    with pysam.AlignmentFile(path, "wb", header=header) as f:
        for read in reads:
            f.write(read)
    pysam.index(path)


def write_capture_bam(path, sample, reference, targets, depths, variants, alt_of, seed, contig="chr1"):
    """Capture fragments over each target (0-based half-open) at its depth:
    fragments start anywhere from FRAGMENT bp before a target to its end, read
    1 forward in half of them (strands and F1R2/F2R1 balanced by
    construction). variants: {pos: allele fraction}; a fragment carries the
    alt (alt_of(pos)) in both its reads."""
    g = np.random.default_rng(seed)
    header = {"HD": {"VN": "1.6", "SO": "coordinate"}, "SQ": [{"SN": contig, "LN": len(reference)}],
              "RG": [{"ID": sample, "SM": sample.upper(), "LB": sample + "-lib1", "PL": "ILLUMINA"}]}
    reads = []
    for (b, e), depth in zip(targets, depths):
        span = e - b + FRAGMENT
        n = int(depth * span / (2 * READ))
        starts = g.integers(b - FRAGMENT, e, size=n)
        lengths = np.clip(g.normal(FRAGMENT, FRAGMENT_SD, size=n).astype(int), 2 * READ, None)
        read1_forward = g.random(n) < 0.5
        for k in range(n):
            s, length = int(starts[k]), int(lengths[k])
            # The fragment's haplotype: alt or not at each variant it spans.
            carried = {p for p, vaf in variants.items() if s <= p < s + length and g.random() < vaf}
            mates = []
            for start in (s, s + length - READ):
                seq = reference[start:start + READ].copy()
                for p in carried:
                    if start <= p < start + READ:
                        seq[p - start] = alt_of(p)
                for x in np.nonzero(g.random(READ) < ERROR)[0]:
                    seq[x] = BASES[(np.searchsorted(BASES, seq[x]) + g.integers(1, 4)) % 4]
                mates.append((start, "".join(seq)))
            reads += read_pair(f"{sample}{b}_{k}", mates, length, sample, bool(read1_forward[k]))
    write_sorted(path, header, reads)
