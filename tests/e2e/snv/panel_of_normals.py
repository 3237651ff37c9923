"""somatic-pon builds the panel that somatic-snv --panel-of-normals reads.

Seeded reads (generated_reads.py) on a random 60 kb reference with 240
population SNP sites (allele frequencies uniform on (0.02, 0.98)): a
patient (tumour at 60x, normal at 30x) and four panel normals of four other
people (30x each). 15 artefact alleles, away from every SNP, are in 10% of
the reads at their site in the tumour and in three of the four panel normals
(which three cycles), not in the patient's normal: a recurrent artefact of
the pipeline that the matched normal missed. 15 true somatic SNVs are in 30%
of the tumour's reads.

Checks, with their reasons (the truth is the generator's):
- every artefact allele is in the panel (three normals hold ~4.5 of their
  ~30 reads each: 2 or more in each with probability 0.95, in two or more
  of the three with 0.993 per site), with NNORMALS the number of panel normals that hold 2 or more
  of its reads, counted independently with pysam (2 or 3; never the fourth
  normal, which lacks it);
- a germline allele that exactly one panel normal carries is never in the
  panel (K = 2), and one that at least two carry is, at 98% or more (a het at
  30x has 2 or more alt reads but with probability 1e-7);
- calling the tumour without the panel passes at least 10 of the 15
  artefacts (so the panel has something to remove), with the panel none of
  them, each filtered PanelOfNormals, and the true somatic SNVs that passed
  without the panel all pass with it;
- the panel is the same bytes at 1 and 3 threads with small chunks;
- the number of panel normals required above the number given, a normal
  given twice (its variants would count as two normals'), and no normal at
  all, are usage errors (exit 2).
"""
import os
import sys

import numpy as np
import pysam

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import binary, check, finish, read_vcf, run, scratch
from generated_reads import other_base, person, write_bam, write_reference

LENGTH, SNPS, PANEL = 60000, 240, 4
out = scratch()
rng = np.random.default_rng(6061)
reference = write_reference(f"{out}/ref.fa", rng, LENGTH)
positions = rng.choice(np.arange(400, LENGTH - 400, 40), size=SNPS + 30, replace=False)
sites = np.sort(positions[:SNPS])
frequency = rng.uniform(0.02, 0.98, size=SNPS)
alts = np.array([other_base(reference[p], rng) for p in sites])
carries = [rng.random((2, SNPS)) < frequency for _ in range(PANEL + 1)]  # the patient is the last
people = [person(reference, sites, alts, c) for c in carries]

extra_sites = sorted(int(p) for p in positions[SNPS:])
artefacts = {p: other_base(reference[p], rng) for p in extra_sites[:15]}
somatic = {p: other_base(reference[p], rng) for p in extra_sites[15:]}
holders = {p: [j for j in range(PANEL) if j != i % PANEL] for i, p in enumerate(artefacts)}

normals = []
for j in range(PANEL):
    extra = {p: (a, 0.15) for p, a in artefacts.items() if j in holders[p]}
    normals.append(f"{out}/panel{j + 1}.bam")
    write_bam(normals[-1], f"panel{j + 1}", [(people[j], 1.0)], 30, 10 + j, extra)
write_bam(f"{out}/normal.bam", "normal", [(people[PANEL], 1.0)], 30, 20)
write_bam(f"{out}/tumour.bam", "tumour", [(people[PANEL], 1.0)], 60, 21,
          {**{p: (a, 0.10) for p, a in artefacts.items()}, **{p: (a, 0.30) for p, a in somatic.items()}})

pon = [binary("somatic-pon"), "--reference", f"{out}/ref.fa", "--no-version"]
run(pon + ["-o", f"{out}/panel.vcf.gz"] + normals)
panel, header = read_vcf(f"{out}/panel.vcf.gz")
check(os.path.exists(f"{out}/panel.vcf.gz.tbi"), "the panel is indexed")
in_panel = {(r["pos"] - 1, r["alt"]): r for r in panel}

found = [p for p, a in artefacts.items() if (p, a) in in_panel]
counts = [int(in_panel[(p, a)]["info"]["NNORMALS"]) for p, a in artefacts.items() if (p, a) in in_panel]
check(len(found) == len(artefacts), f"every artefact allele is in the panel ({len(found)} of {len(artefacts)})")


def alt_reads(bam, pos, alt):
    """Reads with `alt` at pos (0-based) at base quality >= 13, by pysam."""
    with pysam.AlignmentFile(bam) as f:
        coverage = f.count_coverage("chr1", pos, pos + 1, quality_threshold=13)
    return int(coverage["ACGT".index(alt)][0])


expected = [sum(alt_reads(n, p, a) >= 2 for n in normals) for p, a in artefacts.items()]
check(counts == expected and max(counts) == 3,
      f"NNORMALS is the number of normals with 2 or more alt reads, as pysam counts them "
      f"(NNORMALS {counts}, pysam {expected})")

panel_carriers = sum((c.sum(axis=0) > 0).astype(int) for c in carries[:PANEL])
private = [(int(sites[i]), alts[i]) for i in range(SNPS) if panel_carriers[i] == 1]
shared = [(int(sites[i]), alts[i]) for i in range(SNPS) if panel_carriers[i] >= 2]
leaked = [s for s in private if s in in_panel]
kept = [s for s in shared if s in in_panel]
check(private and not leaked, f"no germline allele of one panel normal alone is in the panel "
      f"({len(leaked)} of {len(private)}: {leaked[:5]})")
check(len(kept) >= 0.98 * len(shared), f"germline alleles of two or more panel normals are ({len(kept)} of {len(shared)})")

# Calling the tumour with and without the panel.
snv = [binary("somatic-snv"), "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam",
       "--reference", f"{out}/ref.fa", "--no-version"]
run(snv + ["-o", f"{out}/without.vcf"])
run(snv + ["--panel-of-normals", f"{out}/panel.vcf.gz", "-o", f"{out}/with.vcf"])
without = {(r["pos"] - 1, r["alt"]): r["filter"] for r in read_vcf(f"{out}/without.vcf")[0]}
with_panel = {(r["pos"] - 1, r["alt"]): r["filter"] for r in read_vcf(f"{out}/with.vcf")[0]}
passed_before = [p for p, a in artefacts.items() if without.get((p, a)) == "PASS"]
passed_after = [p for p, a in artefacts.items() if with_panel.get((p, a)) == "PASS"]
check(len(passed_before) >= 10, f"without the panel, artefacts pass ({len(passed_before)} of {len(artefacts)})")
check(not passed_after and all("PanelOfNormals" in with_panel[(p, artefacts[p])] for p in passed_before),
      f"with it, none passes, each filtered PanelOfNormals ({passed_after})")
true_before = [p for p, a in somatic.items() if without.get((p, a)) == "PASS"]
true_after = [p for p, a in somatic.items() if with_panel.get((p, a)) == "PASS"]
check(len(true_before) >= 12 and true_after == true_before,
      f"the true somatic SNVs pass with the panel as without ({len(true_after)} and {len(true_before)} of 15)")

# Threads and chunks do not change the bytes.
run(pon + ["--threads", "3", "--chunk-size", "5000", "-o", f"{out}/panel3.vcf"] + normals)
run(pon + ["--threads", "1", "--chunk-size", "5000", "-o", f"{out}/panel1.vcf"] + normals)
one, three = open(f"{out}/panel1.vcf", "rb").read(), open(f"{out}/panel3.vcf", "rb").read()
check(one == three and one.count(b"\n") > 100, "the panel is the same bytes at 1 and 3 threads")
check(sorted(read_vcf(f"{out}/panel1.vcf")[0], key=lambda r: r["pos"]) == read_vcf(f"{out}/panel1.vcf")[0],
      "records are sorted")

# Usage errors.
too_many = run(pon + ["--min-normals", "5"] + normals, check=False)
check(too_many.returncode == 2 and "--min-normals" in too_many.stderr and len(too_many.stderr.strip().splitlines()) == 1,
      f"--min-normals above the normals given: exit 2, one line naming the option: {too_many.stderr!r}")
twice = run(pon + [normals[0], normals[1], normals[0]], check=False)
check(twice.returncode == 2 and "given twice" in twice.stderr, f"a normal given twice: exit 2: {twice.stderr!r}")
none = run(pon, check=False)
check(none.returncode == 2 and "normals" in none.stderr, f"no normal: exit 2: {none.stderr!r}")
finish()
