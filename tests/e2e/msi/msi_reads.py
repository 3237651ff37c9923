"""Reads over microsatellites, for somatic-msi's tests and benchmark: a
random reference with planted microsatellites, and for each sample a
sorted, indexed BAM of fragments drawn over the sites (2 x 100 bp, Q30,
substitution errors at 1e-3, from generated_reads). A fragment that spans a
site wholly carries the site's repeat at the reference length, or

- with probability `stutter`, one unit longer or shorter (polymerase
  stutter, the same in every sample);
- in a tumour fragment (probability `purity`) from the slipped allele
  (probability `allele_share`) at a slipped site, the site's shift in units.

Reads are written with an all-match CIGAR at the fragment's reference ends,
as if no aligner had placed the indel: somatic-msi must measure the repeat
from the sequence."""
import os
import sys

import numpy as np
import pysam

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "snv"))
from generated_reads import BASES, ERROR, FRAGMENT, FRAGMENT_SD, READ, read_pair, write_sorted  # noqa: E402

MOTIFS = {1: ["A", "C", "G", "T"], 2: ["AC", "AG", "AT", "CA", "GT", "TG"], 3: ["AAC", "CAG", "GTT"],
          4: ["AAAG", "TTTC", "GATA"]}


def plant_reference(path, rng, n_sites, spacing=1000, name="chr1"):
    """A random reference with a microsatellite every `spacing` bases:
    homopolymers of 10-20 (half the sites), 2-base motifs x 6-12, 3- and
    4-base motifs x 5-8. Returns the sequence (str) and the sites as
    (beg, end, unit, count), 0-based half-open."""
    seq = rng.choice(BASES, size=(n_sites + 1) * spacing)
    sites = []
    for i in range(n_sites):
        k = 1 if rng.random() < 0.5 else int(rng.choice([2, 2, 3, 4]))
        unit = str(rng.choice(MOTIFS[k]))
        count = int(rng.integers(10, 21)) if k == 1 else int(rng.integers(6, 13)) if k == 2 else int(rng.integers(5, 9))
        beg = (i + 1) * spacing
        end = beg + k * count
        seq[beg:end] = list(unit * count)
        # The bases next to the run do not extend it.
        seq[beg - 1] = next(b for b in "ACGT" if b != unit[-1] and b != seq[beg - 2])
        seq[end] = next(b for b in "ACGT" if b != unit[0] and b != seq[end + 1])
        sites.append((beg, end, unit, count))
    text = "".join(seq)
    with open(path, "w") as f:
        f.write(f">{name}\n")
        for i in range(0, len(text), 60):
            f.write(text[i:i + 60] + "\n")
    pysam.faidx(path)
    return text, sites


def write_msi_bam(path, sample, reference, sites, depth, seed, shifts=None, purity=0.0, allele_share=0.5,
                  stutter=0.01, contig="chr1"):
    """shifts: {site index: change in units} of the tumour's slipped allele."""
    g = np.random.default_rng(seed)
    shifts = shifts or {}
    header = {"HD": {"VN": "1.6", "SO": "coordinate"}, "SQ": [{"SN": contig, "LN": len(reference)}],
              "RG": [{"ID": sample, "SM": sample.upper(), "LB": sample + "-lib1", "PL": "ILLUMINA"}]}
    reads = []
    for i, (beg, end, unit, count) in enumerate(sites):
        lo, hi = beg - FRAGMENT - 50, end + 50
        n = int(depth * (hi - lo) / (2 * READ))
        starts = g.integers(lo, hi, size=n)
        lengths = np.clip(g.normal(FRAGMENT, FRAGMENT_SD, size=n).astype(int), 2 * READ, FRAGMENT + 100)
        for f in range(n):
            s = int(starts[f])
            e = min(len(reference), s + int(lengths[f]))
            s = max(0, s)
            seq = reference[s:e]
            if s <= beg - 10 and e >= end + 10:
                units = count
                if shifts.get(i) and g.random() < purity * allele_share:
                    units += shifts[i]
                if g.random() < stutter:
                    units += 1 if g.random() < 0.5 else -1
                seq = reference[s:beg] + unit * units + reference[end:e]
            mates = []
            for start, part in ((s, seq[:READ]), (e - READ, seq[-READ:])):
                chars = list(part)
                for x in np.nonzero(g.random(len(chars)) < ERROR)[0]:
                    chars[x] = BASES[(np.searchsorted(BASES, chars[x]) + g.integers(1, 4)) % 4]
                mates.append((start, "".join(chars)))
            reads += read_pair(f"{sample}_{i}_{f}", mates, e - s, sample)
    write_sorted(path, header, reads)


def slipped_sites(rng, n_sites, share):
    """A shift for `share` of the sites: mostly contractions, as in
    mismatch-repair-deficient tumours (-1 unit 60%, -2 30%, +1 10%)."""
    chosen = rng.choice(n_sites, size=int(round(share * n_sites)), replace=False)
    return {int(i): int(rng.choice([-1, -1, -1, -1, -1, -1, -2, -2, -2, 1])) for i in chosen}
