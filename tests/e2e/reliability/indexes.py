#!/usr/bin/python3
"""A successful run's compressed output comes with a working index:
somatic-snv -o x.vcf.gz writes x.vcf.gz.tbi, -o x.bcf writes x.bcf.csi, and
--germline-hets h.vcf.gz writes h.vcf.gz.tbi. 'bcftools view -r' through
each index returns, for every region asked, exactly the records of that
region in the plain VCF written to standard output, and no index is older
than its data. (somatic-cnv and somatic-sig write text tables, which have
no index.)"""
import os
import shutil
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
base = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
        "--reference", f"{pair}/ref.fa", "--threads", "2", "--no-version"]

run(base + ["-o", f"{out}/calls.vcf", "--germline-hets", f"{out}/hets.vcf"])
run(base + ["-o", f"{out}/calls.vcf.gz", "--germline-hets", f"{out}/hets.vcf.gz"])
run(base + ["-o", f"{out}/calls.bcf"])


def records(path):
    return [l.split("\t") for l in open(path) if not l.startswith("#")]


REGIONS = [("chr1", 1, 120000), ("chr1", 30001, 60000), ("chr2", 1, 80000), ("chr2", 50001, 50100)]
for data, index, plain in ((f"{out}/calls.vcf.gz", ".tbi", f"{out}/calls.vcf"),
                           (f"{out}/calls.bcf", ".csi", f"{out}/calls.vcf"),
                           (f"{out}/hets.vcf.gz", ".tbi", f"{out}/hets.vcf")):
    name = os.path.basename(data)
    check(os.path.exists(data + index), f"{name} has its {index}")
    if not os.path.exists(data + index):
        continue
    check(os.path.getmtime(data + index) <= os.path.getmtime(data) + 1,
          f"{name}{index} is not older than {name} by more than a second")
    check(os.path.getmtime(data) <= os.path.getmtime(data + index) + 1,
          f"{name}{index} was written with {name}, not left from another run")
    every = records(plain)
    check(len(every) > 0, f"{os.path.basename(plain)} holds records")
    for contig, beg, end in REGIONS:
        want = ["\t".join(r[:5]) for r in every if r[0] == contig and beg <= int(r[1]) <= end]
        got = run(["bcftools", "view", "-H", "-r", f"{contig}:{beg}-{end}", data]).stdout.splitlines()
        got = ["\t".join(l.split("\t")[:5]) for l in got]
        check(got == want, f"bcftools view -r {contig}:{beg}-{end} {name}: {len(got)} records, as in the plain VCF ({len(want)})")
shutil.rmtree(out, ignore_errors=True)
finish()
