"""Throughput of `somatic-sig catalogue` on an uncompressed VCF.

A random 10 Mb reference and a VCF of 2,000,000 PASS SNVs in the shape a
somatic caller writes (INFO and FORMAT for a normal and a tumour column,
~170 bytes a line). Reports variants per second for one thread, and checks
the counts add up.
"""
import os
import subprocess
import time

import numpy as np

N_VARIANTS = 2_000_000
CONTIG_LEN = 5_000_000


def make_inputs(tmp):
    rng = np.random.default_rng(3)
    bases = np.frombuffer(b"ACGT", dtype=np.uint8)
    fa = os.path.join(tmp, "tp_ref.fa")
    seqs = {}
    with open(fa, "wb") as f:
        for name in ("chr1", "chr2"):
            s = bases[rng.integers(0, 4, CONTIG_LEN)]
            seqs[name] = s
            f.write(f">{name}\n".encode())
            for i in range(0, CONTIG_LEN, 60):
                f.write(s[i:i + 60].tobytes() + b"\n")
    vcf = os.path.join(tmp, "tp.vcf")
    with open(vcf, "w") as f:
        f.write("##fileformat=VCFv4.2\n##FILTER=<ID=PASS,Description=\"All filters passed\">\n")
        for name in seqs:
            f.write(f"##contig=<ID={name},length={CONTIG_LEN}>\n")
        f.write('##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">\n')
        f.write('##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">\n')
        f.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
        f.write('##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">\n')
        f.write('##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">\n')
        f.write('##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">\n')
        f.write("##tumor_sample=TUMOUR\n")
        f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOUR\n")
        per = N_VARIANTS // 2
        for name, s in seqs.items():
            pos = np.sort(rng.choice(np.arange(1, CONTIG_LEN - 1), per, replace=False))
            ref = s[pos]
            alt = bases[(np.searchsorted(bases, ref) + rng.integers(1, 4, per)) % 4]
            lines = [f"{name}\t{p + 1}\t.\t{chr(r)}\t{chr(a)}\t60\tPASS\tDP=61;SOMATIC\tGT:AD:AF:DP\t0/0:30,0:0.000:30\t0/1:20,11:0.355:31\n"
                     for p, r, a in zip(pos.tolist(), ref.tolist(), alt.tolist())]
            f.write("".join(lines))
    return fa, vcf


def measure(exe, tmp):
    fa, vcf = make_inputs(tmp)
    out = os.path.join(tmp, "tp_catalogue.tsv")
    # --mnv split: the random SNVs sit next to each other often (1 in 5), and
    # the default would take those pairs for doublets; split counts them all.
    cmd = [exe, "catalogue", "--mnv", "split", "-f", fa, "-o", out, vcf]
    subprocess.run(cmd, check=True)  # warm the page cache and .fai
    best = None
    for _ in range(3):
        t = time.time()
        subprocess.run(cmd, check=True)
        secs = time.time() - t
        best = secs if best is None else min(best, secs)
    with open(out) as f:
        f.readline()
        total = sum(int(line.split("\t")[1]) for line in f)
    assert total == N_VARIANTS, f"catalogue counted {total} of {N_VARIANTS}"
    size = os.path.getsize(vcf)
    return [{"cohort": f"catalogue: {N_VARIANTS} SNVs, {size / 1e6:.0f} MB VCF, 1 thread", "tool": "somatic-sig catalogue",
             "seconds": best, "variants_per_second": N_VARIANTS / best}]
