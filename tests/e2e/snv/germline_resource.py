"""A germline resource (a sites VCF with INFO/AF, like gnomAD's) for a
simulated person, for tumour-only calling: the simulator's true germline SNPs
of that person, each with a population allele frequency drawn at random, and
other people's variants at random positions.

Why these frequencies are fair: under the neutral site-frequency spectrum
the density of a variant's population frequency x is proportional to 1/x,
and a person is heterozygous with probability 2x(1-x) and homozygous with x^2
(Hardy-Weinberg). So a het of the person has frequency density proportional
to (1-x), a hom-alt one to x, on [1/2N, 1] for a resource of N people. That
is what this draws (N = 5000): about 2% of the hets are rarer than 1% in the
population, as in real genomes, where the PopulationAF filter cannot help
and the model must. Other people's variants (one per `noise_per_bp` bases)
draw x from 1/x on [1/2N, 1/2], at random bases.

`drop` leaves that share of the person's SNPs out of the resource: private
variants no survey holds (a few per cent of a real genome's)."""
import gzip
import math
import random
import subprocess

RESOURCE_PEOPLE = 5000


def het_af(rng, low):
    # Inverse of the CDF of density (1 - x) on [low, 1].
    c0 = low - low * low / 2
    c = c0 + rng.random() * (0.5 - c0)
    return 1 - math.sqrt(max(0.0, 1 - 2 * c))


def hom_af(rng, low):
    # Inverse of the CDF of density x on [low, 1].
    return math.sqrt(low * low + rng.random() * (1 - low * low))


def rare_af(rng, low):
    # Log-uniform (density 1/x) on [low, 1/2].
    return math.exp(math.log(low) + rng.random() * (math.log(0.5) - math.log(low)))


def read_fasta(path):
    seqs, name = {}, None
    for line in open(path):
        if line.startswith(">"):
            name = line[1:].split()[0]
            seqs[name] = []
        else:
            seqs[name].append(line.strip().upper())
    return {n: "".join(s) for n, s in seqs.items()}


def write(germline_vcf, reference_fa, out_vcf_gz, seed=16, drop=0.0, noise_per_bp=1e-3):
    """Writes the bgzipped, tabix-indexed resource; returns the (chrom, pos)
    of the person's SNPs left out of it."""
    rng = random.Random(seed)
    low = 1 / (2 * RESOURCE_PEOPLE)
    rows, dropped, contigs = [], set(), []
    with gzip.open(germline_vcf, "rt") as f:
        for line in f:
            if line.startswith("##contig"):
                contigs.append(line)
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            gt = c[9].split(":")[0].replace("|", "/")
            af = hom_af(rng, low) if gt == "1/1" else het_af(rng, low)
            if rng.random() < drop:
                dropped.add((c[0], int(c[1])))
                continue
            rows.append((c[0], int(c[1]), c[3], c[4], af))
    taken = {(r[0], r[1]) for r in rows} | dropped
    for name, seq in read_fasta(reference_fa).items():
        for _ in range(int(len(seq) * noise_per_bp)):
            pos = rng.randrange(len(seq))
            ref = seq[pos]
            if ref not in "ACGT" or (name, pos + 1) in taken:
                continue
            taken.add((name, pos + 1))
            rows.append((name, pos + 1, ref, rng.choice([b for b in "ACGT" if b != ref]), rare_af(rng, low)))
    order = {line.split("ID=")[1].split(",")[0]: i for i, line in enumerate(contigs)}
    rows.sort(key=lambda r: (order.get(r[0], len(order)), r[1]))
    plain = out_vcf_gz[:-3]
    with open(plain, "w") as out:
        out.write("##fileformat=VCFv4.2\n" + "".join(contigs))
        out.write('##INFO=<ID=AF,Number=A,Type=Float,Description="Population allele frequency">\n')
        out.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
        for chrom, pos, ref, alt, af in rows:
            out.write(f"{chrom}\t{pos}\t.\t{ref}\t{alt}\t.\t.\tAF={af:.4g}\n")
    subprocess.run(["bgzip", "-f", plain], check=True)
    subprocess.run(["tabix", "-f", "-p", "vcf", out_vcf_gz], check=True)
    return dropped
