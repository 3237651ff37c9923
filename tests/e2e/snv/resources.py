"""--panel-of-normals, --germline-resource and --force-sites end to end, on
pair1: resource VCFs are written from the calls of a plain run, so that each
option's effect on known records can be checked; forced sites' counts are
checked against samtools mpileup's independent count of the same reads."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
region = "chr1:1-120000"
base = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
        "--reference", f"{pair}/ref.fa", "-r", region, "--no-version"]


def records(text):
    """{(chrom, pos, ref, alt): columns} of a VCF text."""
    out = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            c = line.split("\t")
            out[(c[0], int(c[1]), c[3], c[4])] = c
    return out


def write_vcf(path, rows, info_header=""):
    """A bgzipped, indexed sites VCF; rows are (chrom, pos, ref, alt, info)."""
    contigs = [l.split("\t")[:2] for l in open(f"{pair}/ref.fa.fai")]
    text = "##fileformat=VCFv4.2\n" + "".join(f"##contig=<ID={n},length={l}>\n" for n, l in contigs)
    text += info_header + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
    for chrom, pos, ref, alt, info in sorted(rows, key=lambda r: (r[0], r[1])):
        text += f"{chrom}\t{pos}\t.\t{ref}\t{alt}\t.\t.\t{info}\n"
    plain = path[:-3]
    open(plain, "w").write(text)
    run(["bgzip", "-f", plain])
    run(["tabix", "-f", "-p", "vcf", path])


plain = records(run(base).stdout)
passing = sorted(k for k, c in plain.items() if c[6] == "PASS")
check(len(passing) >= 6, f"the plain run has PASS calls to work with ({len(passing)})")
a, b, c, d, e = passing[:5]

# Panel of normals: a site matches on its allele, not its position alone.
other_alt = next(x for x in "ACGT" if x not in (b[2], b[3]))
write_vcf(f"{out}/pon.vcf.gz", [(a[0], a[1], a[2], a[3], "."), (b[0], b[1], b[2], other_alt, ".")])
pon = records(run(base + ["--panel-of-normals", f"{out}/pon.vcf.gz"]).stdout)
check("PanelOfNormals" in pon[a][6].split(";"), f"a call in the panel is filtered PanelOfNormals ({pon[a][6]})")
check(pon[b][6] == "PASS", f"a panel site with another alt allele does not filter the call ({pon[b][6]})")
check(all(pon[k][6] == plain[k][6] for k in plain if k != a),
      "the panel changes no other record")

# Germline resource: INFO/AF above --max-population-af (0.01) filters.
af_header = '##INFO=<ID=AF,Number=A,Type=Float,Description="population allele frequency">\n'
write_vcf(f"{out}/gnomad.vcf.gz", [(c[0], c[1], c[2], c[3], "AF=0.05"), (d[0], d[1], d[2], d[3], "AF=0.001")],
          af_header)
pop = records(run(base + ["--germline-resource", f"{out}/gnomad.vcf.gz"]).stdout)
check("PopulationAF" in pop[c][6].split(";"), f"a common population allele (AF 0.05) is filtered ({pop[c][6]})")
check(pop[d][6] == "PASS", f"a rare one (AF 0.001) is not ({pop[d][6]})")
pop_strict = records(run(base + ["--germline-resource", f"{out}/gnomad.vcf.gz",
                                 "--max-population-af", "0.0005"]).stdout)
check("PopulationAF" in pop_strict[d][6].split(";"), "--max-population-af moves the bound")


# Forced sites: reported whatever their evidence, with counts that match an
# independent count. A reference-only site and a true call are forced.
def mpileup_counts(bam, chrom, pos, ref, alt):
    """Fragments showing ref and alt at a site by samtools mpileup with the
    caller's default read filters (MAPQ >= 20, base quality >= 13, no
    duplicates/secondary/QC-fail/unmapped reads; overlapping mates once)."""
    r = run(["samtools", "mpileup", "-B", "-q", "20", "-Q", "13", "--ff", "UNMAP,SECONDARY,QCFAIL,DUP",
             "-r", f"{chrom}:{pos}-{pos}", "-f", f"{pair}/ref.fa", bam])
    line = r.stdout.strip().split("\t")
    bases = line[4].upper() if len(line) > 4 else ""
    bases = re.sub(r"\^.", "", bases).replace("$", "")
    return bases.count(".") + bases.count(","), bases.count(alt)


ref_seq = subprocess.run(["samtools", "faidx", f"{pair}/ref.fa", "chr1:50001-50001"], capture_output=True,
                         text=True, check=True).stdout.split("\n")[1].strip().upper()
quiet_alt = next(x for x in "ACGT" if x != ref_seq)
write_vcf(f"{out}/force.vcf.gz", [("chr1", 50001, ref_seq, quiet_alt, "."), (e[0], e[1], e[2], e[3], ".")])
forced = records(run(base + ["--force-sites", f"{out}/force.vcf.gz"]).stdout)
quiet = ("chr1", 50001, ref_seq, quiet_alt)
check(quiet in forced, "a forced site with no alt evidence is reported")
check(quiet in forced and "FORCED" in forced[quiet][7].split(";"), "and flagged INFO/FORCED")
for key in (quiet, e):
    if key not in forced:
        continue
    fmt = forced[key][8].split(":")
    for column, sample in ((9, "normal"), (10, "tumour")):
        fields = dict(zip(fmt, forced[key][column].split(":")))
        ref_n, alt_n = map(int, fields["AD"].split(","))
        m_ref, m_alt = mpileup_counts(f"{pair}/{sample}.bam", *key)
        check(abs(ref_n - m_ref) <= 1 and alt_n == m_alt,
              f"{sample} AD at {key[0]}:{key[1]} is {ref_n},{alt_n}; samtools mpileup counts {m_ref},{m_alt}")
check(all(forced[k][6] == plain[k][6] for k in plain),
      "forcing sites changes no other record")
finish()
