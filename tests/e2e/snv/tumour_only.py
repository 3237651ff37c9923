"""Tumour-only calling (no --normal) on pair1 against the simulator's truth
and the matched-normal run of the same tumour.

The germline resource is made here from the simulator's germline SNPs of
this person, with population allele frequencies drawn from the neutral
site-frequency spectrum given each SNP's genotype (germline_resource.py says
why that is fair), and other people's variants at random bases; every SNP
of the person is in it.

What must hold, and why:
- recall of the true SNVs within 0.03 (8 of pair1's 250) of the matched
  run's. The tumour-only model loses a true SNV only where it looks germline:
  a clonal one at a fraction a het also takes (pair1's clonal SNVs sit at
  0.35, 1.5 sd of the het model from 0.5) whose allele the resource holds by
  chance (its other-people's variants cover 1 base in 1000). Not zero: a
  matched normal sees what the tumour alone cannot.
- at most 2 of the 212 germline SNPs PASS, with the PopulationAF filter and
  also without it (--max-population-af 1): then the model alone must weigh
  each SNP's allele fraction and population frequency.
- the header says tumour-only, names only the tumour, defines Germline and
  PGERM; no identity or contamination lines (they need a normal).
- the same bytes at 1 and 4 threads; -r gives the whole run's records in
  the region; -o .vcf.gz writes an index; --callable holds every PASS call;
  a panel of normals filters its sites; somatic-sig catalogue counts the
  PASS SNVs of the one-sample VCF.
- without --germline-resource: a usage error (exit 2) naming it and why;
  --germline-hets without --normal: a usage error."""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import TESTDATA, binary, check, finish, read_vcf, run, scratch
import germline_resource

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
snv = binary("somatic-snv")
resource = f"{out}/resource.vcf.gz"
germline_resource.write(f"{pair}/germline.vcf.gz", f"{pair}/ref.fa", resource, seed=16)
tumour_only = [snv, "--tumour", f"{pair}/tumour.bam", "--reference", f"{pair}/ref.fa",
               "--germline-resource", resource, "--no-version"]

run([snv, "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam", "--reference", f"{pair}/ref.fa",
     "--threads", "2", "--no-version", "-o", f"{out}/matched.vcf"])
run(tumour_only + ["--threads", "1", "-o", f"{out}/t1.vcf"])
run(tumour_only + ["--threads", "4", "-o", f"{out}/t4.vcf"])
run(tumour_only + ["--max-population-af", "1", "-o", f"{out}/no_popaf.vcf"])

truth = {(t["chrom"], t["pos"], t["ref"], t["alt"]) for t in read_vcf(f"{pair}/truth.snv.vcf.gz")[0]}
germline = {(g["chrom"], g["pos"]) for g in read_vcf(f"{pair}/germline.vcf.gz")[0]}


def passing(path):
    return {(c["chrom"], c["pos"], c["ref"], c["alt"]) for c in read_vcf(path)[0] if c["filter"] == "PASS"}


matched_recall = len(passing(f"{out}/matched.vcf") & truth) / len(truth)
calls, header = read_vcf(f"{out}/t1.vcf")
tonly = passing(f"{out}/t1.vcf")
recall = len(tonly & truth) / len(truth)
check(recall >= matched_recall - 0.03,
      f"tumour-only recall {recall:.3f} within 0.03 of the matched run's {matched_recall:.3f}")
germline_pass = {(k[0], k[1]) for k in tonly} & germline
check(len(germline_pass) <= 2, f"{len(germline_pass)} germline SNPs PASS (at most 2 of {len(germline)})")
no_popaf = {(k[0], k[1]) for k in passing(f"{out}/no_popaf.vcf")} & germline
check(len(no_popaf) <= 2, f"without PopulationAF, {len(no_popaf)} germline SNPs PASS (at most 2)")
false = tonly - truth
check(len(false) <= len(germline_pass) + 2, f"{len(false)} false PASS calls in all")

germline_records = [c for c in calls if (c["chrom"], c["pos"]) in germline]
check(len(germline_records) >= 0.9 * len(germline),
      f"the germline SNPs are reported ({len(germline_records)} of {len(germline)}), filtered")
check(all("PGERM" in c["info"] for c in calls), "every record has INFO/PGERM")
flagged = [c for c in germline_records if "Germline" in c["filter"].split(";")]
check(all(float(c["info"]["PGERM"]) > 0.5 for c in flagged) and len(flagged) >= 0.9 * len(germline_records),
      f"{len(flagged)} of them are filtered Germline, each with PGERM above 0.5")
check("##tumour_only=true" in header, "the header says ##tumour_only=true")
check(header[-1].split("\t")[9:] == ["TUMOUR"], f"one sample column, the tumour ({header[-1].split(chr(9))[9:]})")
check(not any(h.startswith(("##normal_sample", "##sample_identity", "##tumour_contamination", "##shared_prior",
                            "##normal_typical_depth")) for h in header),
      "no normal name, identity, contamination, shared prior or normal depth lines")
check(any(h.startswith("##tumour_typical_depth=") for h in header), "the tumour's typical depth is stated")
check(any(h.startswith("##FILTER=<ID=Germline,") for h in header) and
      not any(h.startswith("##FILTER=<ID=NormalAlt,") for h in header), "Germline defined, NormalAlt not")
check(open(f"{out}/t1.vcf").read() == open(f"{out}/t4.vcf").read(), "the same bytes at 1 and 4 threads")

region = run(tumour_only + ["-r", "chr1:50001-120000"]).stdout
in_region = [l for l in region.splitlines() if not l.startswith("#")]
whole = [l for l in open(f"{out}/t1.vcf").read().splitlines()
         if not l.startswith("#") and l.split("\t")[0] == "chr1" and 50001 <= int(l.split("\t")[1]) <= 120000]
check(in_region == whole and len(whole) > 0, f"-r gives the whole run's {len(whole)} records in the region")
run(tumour_only + ["-o", f"{out}/t.vcf.gz", "--callable", f"{out}/callable.bed"])
check(os.path.exists(f"{out}/t.vcf.gz.tbi"), "-o x.vcf.gz writes its index")
runs = [(c, int(b), int(e)) for c, b, e in (l.split("\t")[:3] for l in open(f"{out}/callable.bed"))]
covered = sum(e - b for _, b, e in runs)
inside = all(any(c == k[0] and b < k[1] <= e for c, b, e in runs) for k in tonly)
check(covered > 150000 and inside,
      f"--callable (the tumour at --min-tumour-depth) covers {covered} bp of 200,000 and holds every PASS call")

# A panel of normals filters its sites as with a normal, and nothing else.
panel_sites = sorted(tonly)[:2]
contigs = [l.split("\t")[:2] for l in open(f"{pair}/ref.fa.fai")]
with open(f"{out}/pon.vcf", "w") as f:
    f.write("##fileformat=VCFv4.2\n" + "".join(f"##contig=<ID={n},length={l}>\n" for n, l in contigs))
    f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
    f.writelines(f"{c}\t{p}\t.\t{r}\t{a}\t.\t.\t.\n" for c, p, r, a in panel_sites)
run(["bgzip", "-f", f"{out}/pon.vcf"])
run(["tabix", "-f", "-p", "vcf", f"{out}/pon.vcf.gz"])
run(tumour_only + ["--panel-of-normals", f"{out}/pon.vcf.gz", "-o", f"{out}/pon_calls.vcf"])
check(passing(f"{out}/pon_calls.vcf") == tonly - set(panel_sites),
      "--panel-of-normals removes exactly its sites from the PASS calls")

catalogue = run([binary("somatic-sig"), "catalogue", "--reference", f"{pair}/ref.fa", f"{out}/t.vcf.gz"]).stdout
rows = [l.split("\t") for l in catalogue.splitlines()]
check(rows[0] == ["MutationType", "TUMOUR"] and sum(int(r[1]) for r in rows[1:]) == len(tonly),
      f"somatic-sig catalogue counts the {len(tonly)} PASS SNVs of the one-sample VCF")

missing = run([snv, "--tumour", f"{pair}/tumour.bam", "--reference", f"{pair}/ref.fa"], check=False)
check(missing.returncode == 2 and "--germline-resource is required without --normal" in missing.stderr,
      f"no resource: usage error, exit 2 ({missing.returncode}: {missing.stderr.strip()})")
hets = run(tumour_only + ["--germline-hets", f"{out}/hets.vcf"], check=False)
check(hets.returncode == 2 and "--germline-hets needs --normal" in hets.stderr,
      f"--germline-hets without a normal: usage error ({hets.returncode}: {hets.stderr.strip()})")
finish()
