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
so truth alignments are plain M CIGARs.
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
    reversed qualities, as SAM requires. MAPQ 0 where a read overlaps a
    segmental duplication, else 60. NM counts mismatches to the reference.
    """
    rl = read_length
    n = len(names)
    rev1 = batch.strand
    fwd_pos = batch.gstart
    rev_pos = batch.gstart + batch.flen - rl
    pos1 = np.where(rev1, rev_pos, fwd_pos)
    pos2 = np.where(rev1, fwd_pos, rev_pos)
    m1, m2 = _as_matrix(s1, rl), _as_matrix(s2, rl)
    # reference-orientation sequences: reverse reads are reverse complemented
    comp = np.frombuffer(bytes(range(256)).translate(COMPLEMENT), dtype=np.uint8)
    ref1 = np.where(rev1[:, None], comp[m1[:, ::-1]], m1)
    ref2 = np.where(rev1[:, None], m2, comp[m2[:, ::-1]])
    span = np.arange(rl)
    nm1 = (ref1 != genome.seq[pos1[:, None] + span]).sum(axis=1)
    nm2 = (ref2 != genome.seq[pos2[:, None] + span]).sum(axis=1)
    if mapq0_cum is None:
        mq1 = mq2 = np.full(n, 60)
    else:
        mq1 = np.where(mapq0_cum[pos1 + rl] - mapq0_cum[pos1] > 0, 0, 60)
        mq2 = np.where(mapq0_cum[pos2 + rl] - mapq0_cum[pos2] > 0, 0, 60)
    ci = genome.contig_index(batch.gstart)
    off = genome.offsets[ci]
    chrom = [genome.names[i].encode() for i in ci]
    tlen = batch.flen
    cigar = b"%dM" % rl
    out = []
    rs1 = ref1.tobytes()
    rs2 = ref2.tobytes()
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
            names[i], f1, chrom[i], p1, mq1[i], cigar, p2, t1, rs1[i * rl:(i + 1) * rl], qa, nm1[i], rg))
        out.append(b"%s\t%d\t%s\t%d\t%d\t%s\t=\t%d\t%d\t%s\t%s\tNM:i:%d\tRG:Z:%s\n" % (
            names[i], f2, chrom[i], p2, mq2[i], cigar, p1, t2, rs2[i * rl:(i + 1) * rl], qb, nm2[i], rg))
    return b"".join(out)
