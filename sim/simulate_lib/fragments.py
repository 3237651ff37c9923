"""DNA fragments from every cell population and chromosome copy.

A sample is a mixture of cell populations; each has copies of each
haplotype segment:
  normal    normal cells: haplotypes A and B once each, germline only;
  clone     tumour cells without the subclone's SNVs: copy k of haplotype h
            exists where the tumour has more than k copies of h, and carries
            the clonal SNVs with MUT_COPIES > k on h;
  subclone  the same copies plus the subclonal SNVs (on copy 0).
Reads come from DNA, so each copy of a segment yields fragments in
proportion to the fraction of cells that have it. With per-copy coverage
  tumour sample: u = depth / (2(1-p) + p*ploidy)
     normal cells u(1-p), clone u*p*(1-s), subclone u*p*s   (s = subclone CCF)
  normal sample: a (1-t) normal + t tumour-sample mixture by DNA
     normal cells depth*((1-t)/2 + t(1-p)/A), clone depth*t*p*(1-s)/A, ...
the depth at any locus is proportional to p*CN + 2(1-p) and a variant on m
copies of cells at fraction f has VAF f*m / (p*CN + 2(1-p)), the truth's
EXPECTED_VAF.

Fragments (insert ~ Normal(mean, sd), at least one read long) are sampled
uniformly inside each piece of a copy (pieces end at copy-number
breakpoints and N), on a random strand; a fraction become PCR duplicates
(extra copies of the same fragment, sequenced with independent errors).
Each batch is written as one FASTA record per fragment for ART.

Indels change a copy's length: fragments are drawn in the copy's own
coordinates (haplotype_map.py), so a fragment over a deletion spans more
reference and one over an insertion less; the truth aligner maps reads back.
"""
import os

import numpy as np

from .genome import COMPLEMENT, subtract_intervals
from .haplotype_map import HaplotypeMap
from .indels import merge
from .somatic import on_copy

POPULATIONS = ("normal", "clone", "subclone")


def coverages(purity, ploidy, subclone_ccf, tumour_depth, normal_depth, tumour_in_normal):
    """{sample: {population: per-copy read coverage}}."""
    p, s, t = purity, subclone_ccf, tumour_in_normal
    a = 2 * (1 - p) + p * ploidy
    u = tumour_depth / a
    tumour = {"normal": u * (1 - p), "clone": u * p * (1 - s), "subclone": u * p * s}
    d = normal_depth
    normal = {"normal": d * ((1 - t) / 2 + t * (1 - p) / a),
              "clone": d * t * p * (1 - s) / a, "subclone": d * t * p * s / a}
    return {"tumour": tumour, "normal": normal}


def units(genome, haps, cn, somatic, small=None):
    """Yield (population, hap, copy, HaplotypeMap, unit intervals).

    `small` holds the other variants: germline indels (germline_indels,
    with on_a/on_b), somatic indels and MNVs (with the SNVs' copy fields).
    Intervals (copy-number pieces without N) are in the copy's own
    coordinates. One mutated sequence is alive at a time: memory stays ~3x
    the genome.
    """
    n_runs = genome.n_runs()
    whole = np.stack([genome.offsets[:-1], genome.offsets[1:]], axis=1)
    small = small or {}
    germ = small.get("germline_indels")
    som_indels, mnvs = small.get("indels"), small.get("mnvs")

    def germline_on(h):
        if germ is None or not len(germ):
            return None
        return germ.subset(germ.on_a if h == 0 else germ.on_b)

    for h in (0, 1):
        hm = HaplotypeMap(haps[h], germline_on(h))
        yield "normal", h, 0, hm, hm.to_unit(subtract_intervals(whole, n_runs))
    for pop in ("clone", "subclone"):
        for h in (0, 1):
            germ_h = germline_on(h)
            for k in range(cn.max_copies(h)):  # the subclone's own state where it has one
                sel = on_copy(somatic, h, k, pop)
                seq = haps[h].copy()
                seq[somatic.pos[sel]] = np.frombuffer("".join(somatic.alt[sel]).encode(), np.uint8)
                if mnvs is not None and len(mnvs):
                    for i in np.flatnonzero(on_copy(mnvs, h, k, pop)):
                        p = int(mnvs.pos[i])
                        seq[p:p + len(mnvs.alt[i])] = np.frombuffer(mnvs.alt[i].encode(), np.uint8)
                indels = germ_h
                if som_indels is not None and len(som_indels):
                    mine = som_indels.subset(on_copy(som_indels, h, k, pop))
                    indels = mine if indels is None else merge(indels, mine)
                hm = HaplotypeMap(seq, indels)
                yield pop, h, k, hm, hm.to_unit(subtract_intervals(cn.present(h, k, pop == "subclone"), n_runs))


class Batch:
    """One ART input: FASTA of fragments and where each came from."""

    def __init__(self, index, fasta, gstart, flen, strand, dup, hmap):
        self.index, self.fasta, self.hmap = index, fasta, hmap
        self.gstart, self.flen, self.strand, self.dup = gstart, flen, strand, dup


def _sample(rng, intervals, coverage, read_length, insert_mean, insert_sd, dup_rate):
    starts, lens = [], []
    hi = int(insert_mean + 4 * insert_sd)
    for s, e in intervals:
        n = rng.poisson(coverage * (e - s) / (2 * read_length))
        fl = np.clip(np.rint(rng.normal(insert_mean, insert_sd, n)), read_length, hi).astype(np.int64)
        fl = fl[fl <= e - s]
        st = s + np.floor(rng.random(len(fl)) * (e - s - fl + 1)).astype(np.int64)
        o = np.argsort(st, kind="stable")
        starts.append(st[o])
        lens.append(fl[o])
    st = np.concatenate(starts) if starts else np.zeros(0, np.int64)
    fl = np.concatenate(lens) if lens else np.zeros(0, np.int64)
    strand = rng.random(len(st)) < 0.5
    # marked duplicates should be dup_rate of all pairs: q extra per original
    q = dup_rate / (1 - dup_rate) if dup_rate < 1 else 0
    extra = rng.random(len(st)) < q
    rep = 1 + extra.astype(np.int64)
    dup = np.zeros(int(rep.sum()), dtype=bool)
    dup[np.cumsum(rep)[extra] - 1] = True
    return np.repeat(st, rep), np.repeat(fl, rep), np.repeat(strand, rep), dup


def _write(path, seq, gstart, flen, strand):
    with open(path, "wb") as fh:
        for i, (s, n, r) in enumerate(zip(gstart.tolist(), flen.tolist(), strand.tolist())):
            frag = seq[s:s + n].tobytes()
            if r:
                frag = frag.translate(COMPLEMENT)[::-1]
            fh.write(b">%d\n%s\n" % (i, frag))


def batches(rng, workdir, sample, unit_list, cov, args):
    """Yield Batch objects (FASTA written) for one sample, in a fixed order."""
    index = 0
    for pop, h, k, hmap, intervals in unit_list:
        c = cov[pop]
        if c <= 0:
            continue
        st, fl, strand, dup = _sample(rng, intervals, c, args.read_length,
                                      args.insert_mean, args.insert_sd, args.duplicate_rate)
        for b in range(0, len(st), args.batch_size):
            sl = slice(b, b + args.batch_size)
            path = os.path.join(workdir, f"{sample}.{index}.fa")
            _write(path, hmap.seq, st[sl], fl[sl], strand[sl])
            yield Batch(index, path, st[sl], fl[sl], strand[sl], dup[sl], hmap)
            index += 1
