#!/usr/bin/python3
"""Makes the small fixtures of somatic-sig's tests (python3 stdlib only,
fixed seed: the output is the same on every run).

  testdata/sig/make_fixtures.py

ref.fa(.fai)      two random contigs, chr1 (3,000 bp, an N run at 1,501-1,520)
                  and chr2 (2,000 bp)
tumour.vcf        a tumour/normal VCF: 400 PASS SNVs, plus records that must
                  not be counted (LowQual, an indel, a 2-base substitution,
                  SNVs at contig ends and next to N) - its expected catalogue
                  is computed independently by tests/e2e/sig/catalogue_test.py
signatures.tsv    three made-up signatures (MutationType layout)
bad/*             one fixture per bad-input case (see bad/README.md)
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240601)
BASES = "ACGT"


def write_fasta(path, contigs):
    fai = []
    with open(path, "w") as f:
        offset = 0
        for name, seq in contigs:
            head = f">{name}\n"
            f.write(head)
            offset += len(head)
            fai.append(f"{name}\t{len(seq)}\t{offset}\t60\t61\n")
            for i in range(0, len(seq), 60):
                line = seq[i:i + 60] + "\n"
                f.write(line)
                offset += len(line)
    with open(path + ".fai", "w") as f:
        f.writelines(fai)


chr1 = "".join(rng.choice(BASES) for _ in range(3000))
chr1 = chr1[:1500] + "N" * 20 + chr1[1520:]
chr2 = "".join(rng.choice(BASES) for _ in range(2000))
contigs = [("chr1", chr1), ("chr2", chr2)]
write_fasta(os.path.join(HERE, "ref.fa"), contigs)

HEADER = """##fileformat=VCFv4.2
##FILTER=<ID=PASS,Description="All filters passed">
##FILTER=<ID=LowQual,Description="Low quality">
##contig=<ID=chr1,length=3000>
##contig=<ID=chr2,length=2000>
##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">
##tumor_sample=TUMOUR_1
#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOUR
"""


def line(chrom, pos, ref, alt, filt="PASS"):
    return f"{chrom}\t{pos}\t.\t{ref}\t{alt}\t50\t{filt}\tDP=60\tGT:AD\t0/0:30,0\t0/1:18,12\n"


records = []
seqs = dict(contigs)
used = set()
while len(records) < 400:
    chrom = rng.choice(["chr1", "chr2"])
    s = seqs[chrom]
    p = rng.randrange(1, len(s) - 1)  # 0-based, never an end base
    if (chrom, p) in used or "N" in s[p - 1:p + 2]:
        continue
    used.add((chrom, p))
    ref = s[p]
    alt = rng.choice([b for b in BASES if b != ref])
    records.append((chrom, p + 1, ref, alt, "PASS"))
# Records that are read but not counted.
records.append(("chr1", 11, chr1[10], "A" if chr1[10] != "A" else "C", "LowQual"))
records.append(("chr1", 21, chr1[20], chr1[20] + "T", "PASS"))                      # insertion
records.append(("chr1", 31, chr1[30:32], "".join("A" if b != "A" else "C" for b in chr1[30:32]), "PASS"))  # MNV
records.append(("chr1", 1, chr1[0], "A" if chr1[0] != "A" else "G", "PASS"))           # first base
records.append(("chr2", 2000, chr2[1999], "A" if chr2[1999] != "A" else "G", "PASS"))  # last base
records.append(("chr1", 1500, chr1[1499], "A" if chr1[1499] != "A" else "G", "PASS"))  # next to the N run
records.sort(key=lambda r: (r[0], r[1]))
with open(os.path.join(HERE, "tumour.vcf"), "w") as f:
    f.write(HEADER)
    for r in records:
        f.write(line(*r))

# Three signatures over the 96 channels, COSMIC order.
CLASSES = [("C", "A"), ("C", "G"), ("C", "T"), ("T", "A"), ("T", "C"), ("T", "G")]
CHANNELS = [f"{a}[{r}>{t}]{b}" for r, t in CLASSES for a in BASES for b in BASES]
weights = {"SIG_A": [8.0 if c[2:5] == "C>T" else 0.2 for c in CHANNELS],
           "SIG_B": [6.0 if c[2:5] in ("T>A", "T>C") else 0.3 for c in CHANNELS],
           "SIG_C": [1.0 + rng.random() for _ in CHANNELS]}
sigs = {k: [x / sum(v) for x in v] for k, v in weights.items()}


def write_sigs(path, rows, sigs, header="Type"):
    with open(path, "w") as f:
        f.write(header + "\t" + "\t".join(sigs) + "\n")
        for ch in rows:
            i = CHANNELS.index(ch) if ch in CHANNELS else 0
            f.write(ch + "\t" + "\t".join(f"{sigs[k][i]:.10f}" for k in sigs) + "\n")


write_sigs(os.path.join(HERE, "signatures.tsv"), CHANNELS, sigs)

# Bad inputs, one per case.
BAD = os.path.join(HERE, "bad")
os.makedirs(BAD, exist_ok=True)
head_noctg = HEADER.replace("##contig=<ID=chr1,length=3000>\n", "")
with open(os.path.join(BAD, "contig_not_in_reference.vcf"), "w") as f:
    f.write(HEADER.replace("##contig=<ID=chr1,length=3000>", "##contig=<ID=1,length=3000>"))
    f.write(line("1", 100, chr1[99], "A" if chr1[99] != "A" else "C"))
with open(os.path.join(BAD, "wrong_assembly.vcf"), "w") as f:
    # REF bases from another sequence: ~3 in 4 disagree with ref.fa.
    other = random.Random(7)
    f.write(HEADER)
    for p in sorted(other.sample(range(2, 2999), 200)):
        if 1499 <= p <= 1521:
            continue
        ref = other.choice(BASES)
        f.write(line("chr1", p, ref, "A" if ref != "A" else "C"))
with open(os.path.join(BAD, "no_pass.vcf"), "w") as f:
    f.write(HEADER)
    f.write(line("chr1", 100, chr1[99], "A" if chr1[99] != "A" else "C", "LowQual"))
    f.write(line("chr1", 200, chr1[199], chr1[199] + "G"))
with open(os.path.join(BAD, "malformed_line.vcf"), "w") as f:
    f.write(HEADER)
    f.write(line("chr1", 100, chr1[99], "A" if chr1[99] != "A" else "C"))
    f.write("chr1\t200\t.\t" + chr1[199] + "\n")
open(os.path.join(BAD, "empty.vcf"), "w").close()
write_sigs(os.path.join(BAD, "sigs_missing_channel.tsv"), CHANNELS[:-1], sigs)
write_sigs(os.path.join(BAD, "sigs_extra_channel.tsv"), CHANNELS + ["A[G>A]A"], sigs)
bad_sum = dict(sigs)
bad_sum["SIG_B"] = [x * 0.9 for x in sigs["SIG_B"]]
write_sigs(os.path.join(BAD, "sigs_not_summing.tsv"), CHANNELS, bad_sum)
