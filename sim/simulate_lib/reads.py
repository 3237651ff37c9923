"""Sequencing fragments with ART and turning its output into read pairs.

ART (art_illumina) runs in amplicon mode (-amp -p -f 1): one read pair per
FASTA record, read 1 from the record's start, read 2 from its end on the
other strand, with ART's empirical Illumina quality/error profiles. We
choose the fragments ourselves (fragments.py), so positions, strands and
duplicates are known exactly; ART adds only realistic errors and qualities.
The default profile HSXt (HiSeq X TruSeq, up to 150 bp) gives R1 ~0.2% and
R2 ~0.6% mismatches rising along the read, with HiSeq X's 8 quality levels;
MSv3 (MiSeq v3) is used for reads longer than 150 bp. ART's indel errors
are switched off: reads differ from their fragment only by substitutions,
so truth alignments are plain M CIGARs except over the simulated indels.
"""
import os
import subprocess

import numpy as np

from .genome import COMPLEMENT

# NovaSeq-style 4-level quality binning: 0-2 -> 2, 3-14 -> 12, 15-30 -> 23, >=31 -> 37.
_BINNED = bytearray(range(256))
for _q in range(94):
    _BINNED[_q + 33] = 33 + (2 if _q <= 2 else 12 if _q <= 14 else 23 if _q <= 30 else 37)
BIN_TABLE = bytes(_BINNED)


def art_profile(read_length):
    return "HSXt" if read_length <= 150 else "MSv3"


def run_art(batch, read_length, seed, profile):
    """Run ART on a batch FASTA; returns (fq1, fq2) paths. Deletes the FASTA."""
    prefix = batch.fasta[:-3] + ".r"
    cmd = ["art_illumina", "-ss", profile, "-amp", "-p", "-na", "-i", batch.fasta,
           "-l", str(read_length), "-f", "1", "-rs", str(seed), "-ir", "0", "-ir2", "0",
           "-dr", "0", "-dr2", "0", "-nf", "0", "-q", "-o", prefix]
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if res.returncode != 0:
        raise RuntimeError("art_illumina failed: " + res.stderr.decode(errors="replace")[-2000:])
    os.unlink(batch.fasta)
    return prefix + "1.fq", prefix + "2.fq"


def load_pairs(fq1, fq2, n, bin_qualities):
    """(seq1, qual1, seq2, qual2) lists of bytes, in record order; deletes the files."""
    out = []
    for path in (fq1, fq2):
        with open(path, "rb") as fh:
            lines = fh.read().split(b"\n")
        os.unlink(path)
        seqs, quals = lines[1::4][:n], lines[3::4][:n]
        if len(seqs) != n or len(quals) != n:
            raise RuntimeError(f"ART wrote {len(seqs)} reads for {n} fragments ({path})")
        if bin_qualities:
            quals = [q.translate(BIN_TABLE) for q in quals]
        out += [seqs, quals]
    return out


def fastq_interleaved(names, s1, q1, s2, q2):
    """Interleaved FASTQ bytes for bwa mem -p."""
    return b"".join(b"@%s\n%s\n+\n%s\n@%s\n%s\n+\n%s\n" % (n, a, qa, n, b, qb)
                    for n, a, qa, b, qb in zip(names, s1, q1, s2, q2))


def _as_matrix(seqs, read_length):
    return np.frombuffer(b"".join(seqs), dtype=np.uint8).reshape(-1, read_length)


def sam_records(names, s1, q1, s2, q2, batch, genome, mapq0_cum, rg, read_length):
    """SAM text of the true alignments of a batch of pairs.

    strand 0: read 1 forward at the fragment start, read 2 reverse ending at
    the fragment end; strand 1 (fragment written reverse complemented) the
    other way round. Reverse reads are stored reverse complemented with
    reversed qualities, as SAM requires. Positions are in the copy's own
    coordinates (batch.hmap); reads over an indel get its I/D in their
    CIGAR (see haplotype_map.py), the others rlM. MAPQ 0 where a read
    overlaps a segmental duplication, else 60. NM counts mismatches,
    inserted and deleted bases. TLEN spans both reads on the reference.
    """
    rl = read_length
    n = len(names)
    hmap = batch.hmap
    rev1 = batch.strand
    fwd_pos = batch.gstart
    rev_pos = batch.gstart + batch.flen - rl
    upos1 = np.where(rev1, rev_pos, fwd_pos)
    upos2 = np.where(rev1, fwd_pos, rev_pos)
    m1, m2 = _as_matrix(s1, rl), _as_matrix(s2, rl)
    # reference-orientation sequences: reverse reads are reverse complemented
    comp = np.frombuffer(bytes(range(256)).translate(COMPLEMENT), dtype=np.uint8)
    ref1 = np.where(rev1[:, None], comp[m1[:, ::-1]], m1)
    ref2 = np.where(rev1[:, None], m2, comp[m2[:, ::-1]])
    plain = np.full(n, b"%dM" % rl, dtype=object)
    pos, span, cigar, nm = [], [], [], []
    for upos, rseq in ((upos1, ref1), (upos2, ref2)):
        hit = hmap.touched(upos, rl)
        p = hmap.to_ref(np.where(hit, 0, upos))
        clean = np.where(hit[:, None], 0, np.minimum(p[:, None] + np.arange(rl), genome.size - 1))
        mism = (rseq != genome.seq[clean]).sum(axis=1)
        sp = np.full(n, rl, dtype=np.int64)
        cg = plain.copy()
        for i in np.flatnonzero(hit).tolist():
            p[i], sp[i], cg[i], mism[i] = _indel_read(hmap, int(upos[i]), rl, rseq[i], genome.seq)
        pos.append(p), span.append(sp), cigar.append(cg), nm.append(mism)
    (pos1, pos2), (sp1, sp2) = pos, span
    if mapq0_cum is None:
        mq1 = mq2 = np.full(n, 60)
    else:
        mq1 = np.where(mapq0_cum[pos1 + sp1] - mapq0_cum[pos1] > 0, 0, 60)
        mq2 = np.where(mapq0_cum[pos2 + sp2] - mapq0_cum[pos2] > 0, 0, 60)
    ci = genome.contig_index(np.minimum(pos1, pos2))
    off = genome.offsets[ci]
    chrom = [genome.names[i].encode() for i in ci]
    tlen = np.maximum(pos1 + sp1, pos2 + sp2) - np.minimum(pos1, pos2)
    out = []
    rs1 = ref1.tobytes()
    rs2 = ref2.tobytes()
    (cg1, cg2), (nm1, nm2) = cigar, nm
    for i in range(n):
        r1 = bool(rev1[i])
        qa = q1[i][::-1] if r1 else q1[i]
        qb = q2[i] if r1 else q2[i][::-1]
        p1, p2 = int(pos1[i] - off[i] + 1), int(pos2[i] - off[i] + 1)
        t = int(tlen[i])
        # leftmost read gets +TLEN (read 1 on ties)
        t1, t2 = (t, -t) if p1 <= p2 else (-t, t)
        f1 = 1 | 2 | 64 | (16 if r1 else 32)
        f2 = 1 | 2 | 128 | (32 if r1 else 16)
        out.append(b"%s\t%d\t%s\t%d\t%d\t%s\t=\t%d\t%d\t%s\t%s\tNM:i:%d\tRG:Z:%s\n" % (
            names[i], f1, chrom[i], p1, mq1[i], cg1[i], p2, t1, rs1[i * rl:(i + 1) * rl], qa, nm1[i], rg))
        out.append(b"%s\t%d\t%s\t%d\t%d\t%s\t=\t%d\t%d\t%s\t%s\tNM:i:%d\tRG:Z:%s\n" % (
            names[i], f2, chrom[i], p2, mq2[i], cg2[i], p1, t2, rs2[i * rl:(i + 1) * rl], qb, nm2[i], rg))
    return b"".join(out)


def _indel_read(hmap, upos, rl, rseq, ref):
    """(reference start, reference span, CIGAR, NM) of a read over an indel."""
    start, ops = hmap.align(upos, rl)
    r, q, nm = start, 0, 0
    for op, k in ops:
        if op == "M":
            nm += int((rseq[q:q + k] != ref[r:r + k]).sum())
            r, q = r + k, q + k
        elif op == "D":
            nm, r = nm + k, r + k
        else:
            nm += k if op == "I" else 0
            q += k
    cigar = b"".join(b"%d%s" % (k, op.encode()) for op, k in ops)
    return start, r - start, cigar, nm
