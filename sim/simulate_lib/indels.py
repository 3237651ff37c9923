"""Small indels and multi-base substitutions (MNVs) with cancer-like shapes.

Indel kinds, with the share of all indels (germline and somatic alike):
  homopolymer  25%  a run of >= 4 one base grows or shrinks by one base
                    (2 in 10% of them): polymerase slippage;
  str          15%  a 2-6 bp unit repeated >= 3 times grows or shrinks by
                    whole units (1 unit 70%, 2 20%, 3-4 10%; units of 2 bp
                    most often), up to 50 bp;
  none-1bp     27%  one base inserted or deleted where neither neighbour is
                    that base;
  none         18%  2-50 bp insertion of random bases or deletion, without
                    microhomology;
  mh           15%  2-50 bp deletion whose first 1-5 bases repeat right
                    after it (microhomology-mediated end joining).
So about half are 1 bp and 40% sit in repeats. Lengths of 2-50 bp outside
repeats follow P(L) ~ L^-1.5 (half 2-4 bp, a third 5-20, an eighth 21-50).
Insertions and deletions are equally likely except mh (deletions only).

MNVs are 2 bp (85%) or 3 bp, every base changed: 40% of doublets are
CC>TT (GG>AA on the other strand, UV light), 15% CC>AA/GG>TT (tobacco),
the rest any doublet. Their bases sit on the same haplotype copies.

Every event gets a window (its repeat tract or microhomology, plus 5 bp
either side) free of N, contig ends, copy-number breakpoints, homozygous
deletions, and every variant placed before it, so its reads carry exactly
one event and its left-aligned form is unambiguous.
"""
import numpy as np

from . import repeats

KINDS = ("homopolymer", "str", "none-1bp", "none", "mh")
KIND_SHARES = (0.25, 0.15, 0.27, 0.18, 0.15)
MAX_LEN = 50
FLANK = 5
_LEN = np.arange(2, MAX_LEN + 1)
_LEN_P = _LEN ** -1.5 / np.sum(_LEN ** -1.5)
_STR_UNIT_P = np.array([0.5, 0.15, 0.2, 0.1, 0.05])     # unit 2..6
_DNA = "ACGT"


class Events:
    """Sorted small variants in global coordinates: pos is the padding base of
    an indel (VCF POS - 1 in contig terms) or the first base of an MNV."""

    def __init__(self, pos, ref, alt, info):
        o = np.argsort(np.asarray(pos, dtype=np.int64), kind="stable")
        self.pos = np.asarray(pos, dtype=np.int64)[o]
        self.ref = [ref[i] for i in o]
        self.alt = [alt[i] for i in o]
        self.info = [info[i] for i in o]   # kind, RU, RC, IC, MH per event

    def __len__(self):
        return len(self.pos)

    def subset(self, mask):
        idx = np.flatnonzero(mask)
        return Events(self.pos[idx], [self.ref[i] for i in idx], [self.alt[i] for i in idx],
                      [self.info[i] for i in idx])


def merge(a, b):
    """One sorted Events of two (attributes beyond pos/ref/alt/info dropped)."""
    return Events(np.concatenate([a.pos, b.pos]), a.ref + b.ref, a.alt + b.alt, a.info + b.info)


class Placer:
    """Keeps the forbidden mask and the copy-number segment of each base."""

    def __init__(self, genome, forbidden, cn):
        self.seq, self.forb = genome.seq, forbidden
        self.seg = np.zeros(genome.size, dtype=np.int32)
        for i, (s, e) in enumerate(zip(cn.start, cn.end)):
            self.seg[s:e] = i

    def free(self, beg, end):
        beg, end = beg - FLANK, end + FLANK
        if beg < 0 or end > len(self.seq):
            return False
        return not self.forb[beg:end].any() and self.seg[beg] == self.seg[end - 1]

    def take(self, beg, end):
        self.forb[max(0, beg - FLANK):end + FLANK] = True


def _random_seq(rng, n):
    return "".join(_DNA[i] for i in rng.integers(0, 4, n))


def _in_tract(rng, placer, starts, units, copies, k_choice, expand, tries=200):
    """An indel of whole units in a free tract; None when none is found."""
    seq = placer.seq
    for _ in range(tries):
        i = int(rng.integers(0, len(starts)))
        s, p, c = int(starts[i]), int(units[i]), int(copies[i])
        k = k_choice(p)
        if not expand and k >= c:
            k = c - 1
        if k < 1 or s < 1 or not placer.free(s - 1, s + p * c):
            continue
        pad = chr(seq[s - 1])
        body = seq[s:s + p].tobytes().decode() * k
        ref, alt = (pad, pad + body) if expand else (pad + body, pad)
        return s - 1, ref, alt, (s - 1, s + p * c)
    return None


def _k_units(rng, p):
    k = int(rng.choice([1, 2, 3, 4], p=[0.7, 0.2, 0.05, 0.05]))
    return max(1, min(k, MAX_LEN // p))


def _outside(rng, placer, kind, expand, tries=500):
    """A 1-bp or longer indel outside repeats (or an mh deletion)."""
    seq, n = placer.seq, len(placer.seq)
    length = 1 if kind == "none-1bp" else int(rng.choice(_LEN, p=_LEN_P))
    for _ in range(tries):
        s = int(rng.integers(1, n - length - 8))
        if placer.forb[s]:
            continue
        if expand:
            body = _random_seq(rng, length)
            after = seq[s:s + length].tobytes().decode()
            before = seq[s - length:s].tobytes().decode()
            if body[-1] == chr(seq[s - 1]) or body[0] == chr(seq[s]) or body in (after, before):
                continue
            span = (s - 1, s + 1)
        else:
            if seq[s - 1] == seq[s + length - 1]:   # would shift left
                continue
            mh = repeats.microhomology(seq, s, length)
            if (kind == "mh") != (mh > 0) or mh > 5:
                continue
            body = seq[s:s + length].tobytes().decode()
            span = (s - 1, s + length + mh)
        if "N" in body or not placer.free(*span):
            continue
        pad = chr(seq[s - 1])
        ref, alt = (pad, pad + body) if expand else (pad + body, pad)
        return s - 1, ref, alt, span
    return None


def draw_indels(rng, placer, count):
    """`count` indels (fewer if the genome runs out of free sites)."""
    seq = placer.seq
    hp_s, hp_l = repeats.homopolymer_tracts(seq)
    st_s, st_p, st_c = repeats.str_tracts(seq)
    hp_units = np.ones(len(hp_s), dtype=np.int64)
    pos, refs, alts, info = [], [], [], []
    kinds = rng.choice(len(KINDS), size=count, p=KIND_SHARES)
    expands = rng.random(count) < 0.5
    for kind_i, expand in zip(kinds.tolist(), expands.tolist()):
        kind = KINDS[kind_i]
        if kind == "homopolymer" and len(hp_s):
            got = _in_tract(rng, placer, hp_s, hp_units, hp_l,
                            lambda p: 1 if rng.random() < 0.9 else 2, expand)
        elif kind == "str" and len(st_s):
            p_want = int(rng.choice(np.arange(2, 7), p=_STR_UNIT_P))
            sel = st_p == p_want
            if not sel.any():
                sel = np.ones(len(st_p), dtype=bool)
            got = _in_tract(rng, placer, st_s[sel], st_p[sel], st_c[sel],
                            lambda p: _k_units(rng, p), expand)
        else:
            got = _outside(rng, placer, kind, expand and kind != "mh")   # mh: deletions only
        if got is None:
            continue
        p0, ref, alt, span = got
        p0, ref, alt = repeats.left_align(seq, p0, ref, alt)   # a no-op by construction
        ru, rc, ic, cls = repeats.context(seq, p0, ref, alt)
        deletion = len(ref) > len(alt)
        mh = repeats.microhomology(seq, p0 + 1, len(ref) - 1) if deletion and cls == "none" else 0
        placer.take(*span)
        pos.append(p0), refs.append(ref), alts.append(alt)
        info.append({"RU": ru, "RC": rc, "IC": ic, "CONTEXT": cls, "MH": mh})
    return Events(pos, refs, alts, info)


_SWAP = str.maketrans("ACGT", "TGCA")


def draw_mnvs(rng, placer, count):
    """`count` MNVs of 2-3 bp (fewer if free sites run out)."""
    seq, n = placer.seq, len(placer.seq)
    pos, refs, alts, info = [], [], [], []
    for _ in range(count):
        length = 2 if rng.random() < 0.85 else 3
        u = rng.random()
        want = ("CC", "TT") if u < 0.40 else ("CC", "AA") if u < 0.55 else None
        for _try in range(5000):
            s = int(rng.integers(1, n - 8))
            ref = seq[s:s + length].tobytes().decode()
            if "N" in ref or placer.forb[s]:
                continue
            if want and length == 2:
                if ref == want[0]:
                    alt = want[1]
                elif ref == want[0].translate(_SWAP):
                    alt = want[1].translate(_SWAP)
                else:
                    continue
            else:
                alt = "".join(_DNA[(_DNA.index(b) + int(rng.integers(1, 4))) % 4] for b in ref)
            if not placer.free(s, s + length):
                continue
            placer.take(s, s + length)
            pos.append(s), refs.append(ref), alts.append(alt), info.append({})
            break
    return Events(pos, refs, alts, info)
