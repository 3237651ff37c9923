"""Repeat tracts of the reference and the repeat context of an indel.

Tracts are where polymerase slippage makes indels in real genomes:
homopolymers (runs of one base) and short tandem repeats (STRs, units of
2-6 bp). A tract with period p is a maximal stretch where seq[i] equals
seq[i+p]; its unit is its first p bases and must not itself be periodic
(ATAT is AT twice, not a 4-bp unit).

The context of an indel (after left-alignment) follows Strelka2's INFO
names: RU is the smallest unit the inserted or deleted sequence is made
of, RC how many copies of RU the reference holds from the base after the
padding base, IC how many the indel allele holds. Classes, the same ones
bench/bench_lib/indel.py uses to score calls:
  homopolymer  RU of 1 bp and RC >= 4
  str          RU of 2-6 bp and RC >= 3
  none         anything else (microhomology deletions included)
"""
import numpy as np

MIN_HOMOPOLYMER = 4
MIN_STR_COPIES = 3
MAX_STR_UNIT = 6


def smallest_unit(s):
    for p in range(1, len(s) + 1):
        if len(s) % p == 0 and s[:p] * (len(s) // p) == s:
            return s[:p]
    return s


def copies_at(seq, start, unit):
    """Consecutive copies of `unit` (bytes) in uint8 array `seq` from `start`."""
    p, n = len(unit), 0
    u = np.frombuffer(unit, dtype=np.uint8)
    while start + (n + 1) * p <= len(seq) and np.array_equal(seq[start + n * p:start + (n + 1) * p], u):
        n += 1
    return n


def context(seq, pos, ref, alt):
    """(RU, RC, IC, class) of a left-aligned indel with padding base at pos."""
    ins = len(alt) > len(ref)
    body = (alt if ins else ref)[1:].encode()
    unit = smallest_unit(body)
    k = len(body) // len(unit)
    rc = copies_at(seq, pos + 1, unit)
    ic = rc + k if ins else rc - k
    p = len(unit)
    if p == 1 and rc >= MIN_HOMOPOLYMER:
        cls = "homopolymer"
    elif 2 <= p <= MAX_STR_UNIT and rc >= MIN_STR_COPIES:
        cls = "str"
    else:
        cls = "none"
    return unit.decode(), rc, ic, cls


def left_align(seq, pos, ref, alt):
    """Left-aligned, parsimonious form of a one-padding-base indel (bcftools
    norm's result): shift left while the last indel base equals the padding
    base."""
    ins = len(alt) > len(ref)
    body = (alt if ins else ref)[1:]
    while pos > 0 and body[-1] == chr(seq[pos]):
        body = body[-1] + body[:-1]
        pos -= 1
    pad = chr(seq[pos])
    return (pos, pad, pad + body) if ins else (pos, pad + body, pad)


def microhomology(seq, start, length):
    """Bases at the 3' end of a deletion of seq[start:start+length] that repeat
    its first bases (left-aligned deletions carry it on this side)."""
    m = 0
    while m < length - 1 and start + length + m < len(seq) and seq[start + m] == seq[start + length + m]:
        m += 1
    return m


def homopolymer_tracts(seq, min_len=MIN_HOMOPOLYMER, max_len=30):
    """(start, length) arrays of runs of one base (not N), min_len..max_len."""
    change = np.flatnonzero(np.diff(seq.astype(np.int16)) != 0) + 1
    starts = np.concatenate([[0], change])
    lens = np.diff(np.concatenate([starts, [len(seq)]]))
    keep = (lens >= min_len) & (lens <= max_len) & (seq[starts] != ord("N"))
    return starts[keep], lens[keep]


def str_tracts(seq, min_copies=MIN_STR_COPIES, max_copies=20):
    """(start, unit length, copies) arrays of STR tracts with units of 2-6 bp."""
    out_s, out_p, out_c = [], [], []
    for p in range(2, MAX_STR_UNIT + 1):
        eq = np.zeros(len(seq) + 2, dtype=np.int8)
        eq[1:len(seq) - p + 1] = (seq[:-p] == seq[p:]) & (seq[:-p] != ord("N"))
        d = np.diff(eq)
        starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1)
        copies = (ends - starts + p) // p
        keep = (copies >= min_copies) & (copies <= max_copies)
        for s, c in zip(starts[keep].tolist(), copies[keep].tolist()):
            unit = seq[s:s + p].tobytes()
            if len(smallest_unit(unit)) == p:
                out_s.append(s), out_p.append(p), out_c.append(c)
    o = np.argsort(out_s, kind="stable")
    return (np.asarray(out_s, dtype=np.int64)[o], np.asarray(out_p, dtype=np.int64)[o],
            np.asarray(out_c, dtype=np.int64)[o])
