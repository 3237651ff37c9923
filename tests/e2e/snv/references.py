"""References as users have them, on pair1 renamed GRCh38-style: chr1 stays
chr1, chr2 becomes the alternate haplotype chr6_GL000250v2_alt, and the
reference gains a decoy that the alignments' headers lack (a reference with
decoys for data aligned without them); then chr2 named as an HLA allele
contig of GRCh38 (HLA-A*01:01:01:01: '*' and ':' in the name, which
htslib's region syntax needs braces for). Every model setting is given, so that
the calls of a contig do not depend on which contigs the genome sample is
drawn from, and the renamed run can be compared record for record with
pair1's own."""
import os
import random
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
ALT, DECOY = "chr6_GL000250v2_alt", "chrUn_JTFH01000001v1_decoy"
fixed = ["--somatic-prior", "1e-6", "--shared-prior", "1e-8", "--orientation-artefact-rate", "0.001",
         "--strand-artefact-rate", "0.001", "--no-version"]


def renamed_fasta(path, chr2_name=ALT):
    """pair1's reference with chr2 named chr2_name, and a 5 kb random decoy."""
    name, seqs = None, {}
    for line in open(f"{pair}/ref.fa"):
        if line.startswith(">"):
            name = line[1:].split()[0]
            seqs[name] = []
        else:
            seqs[name].append(line.strip())
    rng = random.Random(7)
    seqs[DECOY] = ["".join(rng.choice("ACGT") for _ in range(5000))]
    with open(path, "w") as f:
        for name, lines in seqs.items():
            f.write(">%s\n" % (chr2_name if name == "chr2" else name))
            seq = "".join(lines)
            for i in range(0, len(seq), 60):
                f.write(seq[i:i + 60] + "\n")
    run(["samtools", "faidx", path])


def renamed_bam(source, path, chr2_name=ALT):
    header = run(["samtools", "view", "-H", source]).stdout.replace("SN:chr2\t", "SN:%s\t" % chr2_name)
    open(path + ".header.sam", "w").write(header)
    with open(path, "wb") as f:
        subprocess.run(["samtools", "reheader", path + ".header.sam", source], stdout=f, check=True)
    run(["samtools", "index", path])


def records(text):
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


ref = f"{out}/ref38.fa"
renamed_fasta(ref)
renamed_bam(f"{pair}/tumour.bam", f"{out}/tumour.bam")
renamed_bam(f"{pair}/normal.bam", f"{out}/normal.bam")
snv = [binary("somatic-snv"), "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam", "--reference", ref]
plain = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
         "--reference", f"{pair}/ref.fa"]

# The whole genome, by default: the primary contig only.
default = run(snv + fixed)
calls = records(default.stdout)
check(calls and {c[0] for c in calls} == {"chr1"},
      "by default only chr1 is called, not the alt contig or the decoy: %s" % sorted({c[0] for c in calls}))
check("not calling 1 alternate, decoy, HLA or unplaced contigs (%s)" % ALT in default.stderr,
      "standard error says the alt contig is left out: %r" % default.stderr.strip())
check(DECOY in default.stderr and "lacks in its header" in default.stderr,
      "standard error names the decoy the alignments lack")
check("##contig=<ID=%s,length=5000>" % DECOY in default.stdout,
      "the header still lists every contig of the reference")
# The same reads give the same records on chr1 as pair1's own run of chr1.
pair1_chr1 = records(run(plain + fixed + ["-r", "chr1"]).stdout)
check(calls == pair1_chr1, "chr1's records equal pair1's (%d and %d records)" % (len(calls), len(pair1_chr1)))

# --include-alt-contigs: the alt contig's records are pair1's chr2 records.
included = records(run(snv + fixed + ["--include-alt-contigs"]).stdout)
alt = [[c[0].replace(ALT, "chr2")] + c[1:] for c in included if c[0] == ALT]
pair1_chr2 = records(run(plain + fixed + ["-r", "chr2"]).stdout)
check(alt and alt == pair1_chr2,
      "--include-alt-contigs calls the alt contig, as pair1 calls chr2 (%d and %d records)"
      % (len(alt), len(pair1_chr2)))
check(not any(c[0] == DECOY for c in included), "the decoy, absent from the alignments, is still not called")
# -r names the alt contig: called without the option.
named = records(run(snv + fixed + ["-r", ALT]).stdout)
check(named == [c for c in included if c[0] == ALT], "-r %s calls it without --include-alt-contigs" % ALT)

# --targets composes with the contigs called: calling regions = the targets
# inside what a run without them calls. A target on the alt contig is called
# with --include-alt-contigs or -r naming it, not by default. (Sites, not
# whole records: the typical depth behind HighDepth is the targets'.)
with open(f"{out}/targets.bed", "w") as f:
    f.write("chr1\t20000\t60000\n%s\t10000\t50000\n" % ALT)
targets = ["--targets", f"{out}/targets.bed", "--target-padding", "0"]
site = lambda c: (c[0], c[1], c[3], c[4])
inside = lambda calls, contig, beg, end: [site(c) for c in calls if c[0] == contig and beg < int(c[1]) <= end]
chr1_part, alt_part = inside(calls, "chr1", 20000, 60000), inside(included, ALT, 10000, 50000)
check(chr1_part and alt_part, "the targets hold records of both contigs (%d, %d)" % (len(chr1_part), len(alt_part)))
targeted = [site(c) for c in records(run(snv + fixed + targets).stdout)]
check(targeted == chr1_part, "--targets without --include-alt-contigs: the chr1 target's sites only "
      "(%d of %d)" % (len(targeted), len(chr1_part)))
targeted = [site(c) for c in records(run(snv + fixed + targets + ["--include-alt-contigs"]).stdout)]
check(targeted == chr1_part + alt_part, "--targets with --include-alt-contigs: both targets' sites "
      "(%d of %d)" % (len(targeted), len(chr1_part) + len(alt_part)))
targeted = [site(c) for c in records(run(snv + fixed + targets + ["-r", ALT + ":30001-80000"]).stdout)]
check(targeted == inside(included, ALT, 30000, 50000), "--targets with -r: the target's part inside the region")

# -r naming the decoy the alignments lack: one line naming the file and contig.
missing = run(snv + fixed + ["-r", DECOY + ":1-1000"], check=False)
lines = missing.stderr.strip().splitlines()
check(missing.returncode == 1 and len(lines) == 1 and "tumour.bam" in lines[0] and DECOY in lines[0]
      and "not in this file's header" in lines[0],
      "-r on a contig the alignments lack: exit 1, one line naming the file and the contig: %r" % missing.stderr)

# An HLA allele contig with reads: left out by default, called with
# --include-alt-contigs or by -r in braces, written to a VCF that htslib
# reads back and indexes.
HLA = "HLA-A*01:01:01:01"
os.makedirs(f"{out}/hla", exist_ok=True)
hla_ref = f"{out}/hla/ref.fa"
renamed_fasta(hla_ref, HLA)
for sample in ("tumour", "normal"):
    renamed_bam(f"{pair}/{sample}.bam", f"{out}/hla/{sample}.bam", HLA)
hla_snv = [binary("somatic-snv"), "--tumour", f"{out}/hla/tumour.bam", "--normal", f"{out}/hla/normal.bam",
           "--reference", hla_ref] + fixed
hla_default = run(hla_snv)
check({c[0] for c in records(hla_default.stdout)} == {"chr1"}, "the HLA contig is not called by default")
run(hla_snv + ["--include-alt-contigs", "-o", f"{out}/hla/calls.vcf.gz"])
hla_calls = records(run(["bcftools", "view", "-H", f"{out}/hla/calls.vcf.gz"]).stdout)
on_hla = [[c[0].replace(HLA, "chr2")] + c[1:] for c in hla_calls if c[0] == HLA]
check(on_hla and on_hla == pair1_chr2,
      "--include-alt-contigs calls the HLA contig as pair1 calls chr2, read back by bcftools (%d and %d records)"
      % (len(on_hla), len(pair1_chr2)))
check(os.path.exists(f"{out}/hla/calls.vcf.gz.tbi") or os.path.exists(f"{out}/hla/calls.vcf.gz.csi"),
      "the HLA run's VCF is indexed")
part = records(run(hla_snv + ["-r", "{%s}:10001-50000" % HLA]).stdout)
check(part and [c[1:] for c in part] == [c[1:] for c in pair1_chr2 if 10000 < int(c[1]) <= 50000],
      "-r {%s}:10001-50000 calls that part of it (%d records)" % (HLA, len(part)))

# A CRAM whose reference is given by --reference gives the BAM's records.
run(["samtools", "view", "-C", "-T", ref, "-o", f"{out}/tumour.cram", f"{out}/tumour.bam"])
run(["samtools", "index", f"{out}/tumour.cram"])
cram = run([binary("somatic-snv"), "--tumour", f"{out}/tumour.cram", "--normal", f"{out}/normal.bam",
            "--reference", ref] + fixed)
check(records(cram.stdout) == calls, "a CRAM tumour gives the BAM's records (%d)" % len(records(cram.stdout)))
finish()
