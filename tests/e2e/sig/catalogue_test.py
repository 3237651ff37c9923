"""somatic-sig catalogue on testdata/sig/tumour.vcf against a catalogue
computed here, independently, from the FASTA and the VCF."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import CHANNELS, SIG, check, channel, read_fasta, read_table, run  # noqa: E402

ref = os.path.join(SIG, "ref.fa")
vcf = os.path.join(SIG, "tumour.vcf")
seqs = read_fasta(ref)
expected = dict.fromkeys(CHANNELS, 0)
every = dict.fromkeys(CHANNELS, 0)  # --mnv split: every SNV, adjacent ones too
snvs = []
for line in open(vcf):
    if line.startswith("#"):
        continue
    chrom, pos, _, r, a, _, filt = line.split("\t")[:7]
    if filt == "PASS" and len(r) == 1 and len(a) == 1:
        snvs.append((chrom, int(pos) - 1, r, a))
    elif filt == "PASS" and len(r) == len(a) > 1:  # an MNV record: --mnv split counts its SNVs
        s = seqs[chrom]
        for i, (rb, ab) in enumerate(zip(r, a)):
            q = int(pos) - 1 + i
            if rb != ab:
                every[channel(s[q - 1], rb, ab, s[q + 1])] += 1
# Two or more SNV records at consecutive positions are one doublet (or a
# longer MNV), as SigProfilerMatrixGenerator counts them: none of their SNVs
# is an SBS96 SNV unless --mnv split.
in_run = set()
for (c1, p1, _, _), (c2, p2, _, _) in zip(snvs, snvs[1:]):
    if c1 == c2 and p2 == p1 + 1:
        in_run.update({(c1, p1), (c2, p2)})
for chrom, p, r, a in snvs:
    s = seqs[chrom]
    if p == 0 or p == len(s) - 1 or "N" in s[p - 1:p + 2]:
        continue
    assert s[p] == r
    every[channel(s[p - 1], r, a, s[p + 1])] += 1
    if (chrom, p) not in in_run:
        expected[channel(s[p - 1], r, a, s[p + 1])] += 1
check(sum(every.values()) == 402, f"the fixture should hold 400 countable SNVs and a 2-base MNV, not {sum(every.values())}")
check(len(in_run) > 0, "the fixture should hold adjacent SNVs")

out = run("catalogue", "-f", ref, vcf).stdout
header, rows = read_table(out)
check(header == ["MutationType", "TUMOUR_1"], f"header {header}: the sample is ##tumor_sample")
check(list(rows) == CHANNELS, "rows must be the 96 channels in COSMIC order")
got = {k: int(v[0]) for k, v in rows.items()}
check(got == expected, "catalogue differs from the independent count: " +
      ", ".join(f"{k} {got[k]}!={expected[k]}" for k in CHANNELS if got[k] != expected[k]))

# Standard input, a BCF and a bgzipped VCF count the same; two files make two
# columns; --sample-names renames; --threads changes nothing.
check(run("catalogue", "-f", ref, "-", stdin=open(vcf).read()).stdout == out, "stdin differs")
with tempfile.TemporaryDirectory() as tmp:
    if shutil.which("bcftools"):
        bcf = os.path.join(tmp, "t.bcf")
        subprocess.run(["bcftools", "view", "-Ob", "-o", bcf, vcf], check=True)
        check(run("catalogue", "-f", ref, bcf).stdout == out, "BCF differs")
        gz = os.path.join(tmp, "t.vcf.gz")
        subprocess.run(["bcftools", "view", "-Oz", "-o", gz, vcf], check=True)
        check(run("catalogue", "-f", ref, gz).stdout == out, "bgzipped VCF differs")
    two = run("catalogue", "-f", ref, "--sample-names", "a,b", vcf, vcf, "-t", "1").stdout
    two4 = run("catalogue", "-f", ref, "--sample-names", "a,b", vcf, vcf, "-t", "4").stdout
    check(two == two4, "--threads 4 differs from 1")
    h, r2 = read_table(two)
    check(h == ["MutationType", "a", "b"] and all(v[0] == v[1] == str(expected[k]) for k, v in r2.items()), "two samples")
    # The same sample name twice: the second falls back to its file name,
    # with a warning; a third copy has nowhere to go.
    r = run("catalogue", "-f", ref, vcf, vcf)
    check(read_table(r.stdout)[0] == ["MutationType", "TUMOUR_1", "tumour"], "fallback to the file name")
    check("sample name 'TUMOUR_1' is taken by an earlier input" in r.stderr, r.stderr)
    r = run("catalogue", "-f", ref, vcf, vcf, vcf, check=False)
    check(r.returncode == 2 and "two samples are named 'tumour'" in r.stderr, r.stderr)
    # --mnv split adds the 2-base substitution's two SNVs; --all-filters the LowQual one.
    split = read_table(run("catalogue", "-f", ref, "--mnv", "split", "--all-filters", vcf).stdout)[1]
    check(sum(int(v[0]) for v in split.values()) == 403, "split + all-filters should count 403")
    split = read_table(run("catalogue", "-f", ref, "--mnv", "split", vcf).stdout)[1]
    check({k: int(v[0]) for k, v in split.items()} == every, "--mnv split counts adjacent SNVs one by one")
    # -o writes the file, the same bytes.
    path = os.path.join(tmp, "cat.tsv")
    run("catalogue", "-f", ref, "-o", path, vcf)
    check(open(path).read() == out, "-o differs from stdout")
    check(not [f for f in os.listdir(tmp) if ".tmp" in f], "a temporary file was left behind")
    # Catalogue tables are merged column by column, without a reference (a
    # cohort's catalogue from per-sample ones); a VCF can join them.
    a, b = os.path.join(tmp, "a.tsv"), os.path.join(tmp, "b.tsv")
    run("catalogue", "-f", ref, "--sample-names", "a", "-o", a, vcf)
    run("catalogue", "-f", ref, "--sample-names", "b", "-o", b, vcf)
    merged = run("catalogue", a, b).stdout
    check(merged == two, "merging two one-column catalogues gives the two-column catalogue")
    h, r3 = read_table(run("catalogue", "-f", ref, a, vcf).stdout)
    check(h == ["MutationType", "a", "TUMOUR_1"] and all(v[0] == v[1] == str(expected[k]) for k, v in r3.items()),
          "a catalogue and a VCF together")
    r = run("catalogue", a, a, check=False)
    check(r.returncode == 2 and "two samples are named 'a'" in r.stderr, r.stderr)
print("ok")
