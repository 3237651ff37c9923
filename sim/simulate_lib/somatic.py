"""Somatic SNVs: channel from the signature mixture, then a matching site.

For each SNV we draw a signature from the exposures, an SBS96 channel from
that signature, and then a genome position whose folded trinucleotide
matches the channel's context. Drawing the channel first (rather than
mutating random sites) makes the catalogue follow the signature mixture
exactly, as COSMIC signatures are defined on observed catalogues.

Sites are never in N, in a homozygous deletion (no DNA to mutate), at a
contig end, or within 1 bp of a germline SNP, N or another somatic SNV, so
every SNV's trinucleotide is the reference's; nor where the subclone's copy
number differs from the clone's, so that every SNV's expected VAF follows
from one clonal state.

Each SNV is placed on a haplotype (weighted by its tumour copy number) and
a number of mutated copies: usually 1; with probability `pre_gain` all
copies of a gained haplotype (the mutation preceded the gain or WGD).
Subclonal SNVs are on 1 copy in the subclone's cells only.
"""
import numpy as np

from . import signatures as sig

COMP = {"A": "T", "C": "G", "G": "C", "T": "A"}


class Somatic:
    FIELDS = ("pos", "ref", "alt", "hap", "hap_cn", "cn", "mut_copies",
              "ccf", "clonal", "channel", "signature")

    def __init__(self, **kw):
        for f in self.FIELDS:
            setattr(self, f, np.asarray(kw[f]))

    def __len__(self):
        return len(self.pos)

    def sort(self):
        o = np.argsort(self.pos, kind="stable")
        for f in self.FIELDS:
            setattr(self, f, getattr(self, f)[o])
        return self


def forbidden_mask(genome, germline, cn):
    """Positions no somatic SNV may take (before any SNV is placed)."""
    forb = genome.is_n.copy()
    forb[1:] |= genome.is_n[:-1]
    forb[:-1] |= genome.is_n[1:]
    forb |= genome.edge_mask()
    for d in (-1, 0, 1):
        p = germline.pos + d
        forb[p[(p >= 0) & (p < genome.size)]] = True
    for s, e, a, b, sub in zip(cn.start, cn.end, cn.cn_a, cn.cn_b, cn.subclonal()):
        if a + b == 0 or sub:
            forb[s:e] = True
    return forb


def _draw_channels(rng, n, matrix, weights, contexts_available):
    """Signature and channel per SNV; channels whose context has no site are excluded."""
    usable = np.array([contexts_available[sig.context_of_channel(c)] for c in range(96)])
    signature = rng.choice(len(weights), size=n, p=weights)
    channel = np.zeros(n, dtype=np.int64)
    for s in range(len(weights)):
        idx = np.flatnonzero(signature == s)
        p = matrix[:, s] * usable
        if len(idx) and p.sum() <= 0:
            raise ValueError("no genome site matches any channel of a signature")
        if len(idx):
            channel[idx] = rng.choice(96, size=len(idx), p=p / p.sum())
    return signature, channel


def simulate(rng, genome, germline, cn, count, matrix, weights,
             subclonal_fraction, subclone_ccf, pre_gain=0.3):
    forb = forbidden_mask(genome, germline, cn)
    ctx = sig.folded_contexts(genome.seq)
    ctx[forb] = 255
    available = np.bincount(ctx[ctx < 32], minlength=32) > 0
    signature, channel = _draw_channels(rng, count, matrix, weights, available)

    pos = np.full(count, -1, dtype=np.int64)
    contexts = np.array([sig.context_of_channel(c) for c in channel], dtype=np.int64)
    for c in range(32):
        need = np.flatnonzero(contexts == c)
        if not len(need):
            continue
        sites = np.flatnonzero(ctx == c)          # one context at a time: bounded memory
        order = rng.permutation(len(sites))
        k = 0
        for i in need:
            while k < len(order) and forb[sites[order[k]]]:
                k += 1
            if k == len(order):
                break
            p = int(sites[order[k]])
            pos[i] = p
            forb[max(0, p - 1):p + 2] = True      # keep neighbours' contexts clean
            k += 1
    placed = pos >= 0
    if not placed.all():
        print(f"simulate: warning: only {placed.sum()} of {count} SNVs found free sites")
    pos, signature, channel = pos[placed], signature[placed], channel[placed]

    copies = assign_copies(rng, cn, pos, subclonal_fraction, subclone_ccf, pre_gain)
    ref = genome.seq[pos].tobytes().decode()
    alts = []
    for base, ch in zip(ref, channel):
        pyr, alt, _, _ = sig.channel_parts(int(ch))
        alts.append(alt if base == pyr else COMP[alt])
    return Somatic(pos=pos, ref=np.array(list(ref)), alt=np.array(alts), **copies,
                   channel=channel, signature=signature).sort()


def assign_copies(rng, cn, pos, subclonal_fraction, subclone_ccf, pre_gain):
    """Haplotype, copy numbers, mutated copies and CCF of mutations at `pos`
    (the same model for SNVs, indels and MNVs)."""
    n = len(pos)
    cn_a, cn_b = cn.at(pos)
    hap = (rng.random(n) * (cn_a + cn_b) >= cn_a).astype(np.int64)   # P(A) = cn_a / cn
    hap_cn = np.where(hap == 0, cn_a, cn_b)
    subclonal = rng.random(n) < subclonal_fraction
    pre = (~subclonal) & (hap_cn >= 2) & (rng.random(n) < pre_gain)
    mut_copies = np.where(pre, hap_cn, 1)
    ccf = np.where(subclonal, subclone_ccf, 1.0)
    return {"hap": hap, "hap_cn": hap_cn, "cn": cn_a + cn_b, "mut_copies": mut_copies,
            "ccf": ccf, "clonal": ~subclonal}


def on_copy(events, h, k, population):
    """Mask of the events carried by copy k of haplotype h in a tumour
    population ('clone' or 'subclone'); see fragments.py."""
    sel = (events.hap == h) & events.clonal & (events.mut_copies > k)
    if population == "subclone" and k == 0:
        sel |= (events.hap == h) & ~events.clonal
    return sel
