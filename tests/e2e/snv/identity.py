"""somatic-snv's sample identity and contamination checks on two people.

Seeded reads (generated_reads.py): a random 100 kb reference and 600 SNP
sites whose population allele frequencies are uniform on (0.02, 0.98); two
people, A and B, drawn from them under Hardy-Weinberg; each fragment from
one haplotype of one person.
Normals at 30x, tumours at 50x (no somatic variants: identity and
contamination are germline questions).

Checks, with their reasons (the truth is the generator's genotypes):
- A's tumour against A's normal: not a mismatch, and with ~200 sites where
  one of them is homozygous alternative, confirmed as one person; the
  contamination estimate is under 1% with an interval reaching 0.
- A's tumour against B's normal (a swap): exit 1, one line on standard error
  naming both files and the option, no output file; the reported share of
  opposite homozygotes is the genotypes' own (within 0.05: reads drop a few
  sites below 15x or misread a homozygote); with --allow-sample-mismatch the
  calls are written and the header says mismatch.
- A's tumour with 6% of its fragments from B: one person (B's DNA does not
  make A's homozygotes opposite), and the contamination estimate's interval
  holds 0.06, its point within 0.02 of it.
With SOMATIC_TEST_SMALL=1 (the sanitizer stage) the same at half the
length: the swap is still a clear mismatch, one person may be undetermined.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import binary, check, finish, read_vcf, run, scratch
from generated_reads import other_base, person, write_bam, write_reference

SMALL = os.environ.get("SOMATIC_TEST_SMALL") == "1"
LENGTH = 50000 if SMALL else 100000
SNPS = LENGTH * 6 // 1000
NORMAL_DEPTH, TUMOUR_DEPTH = 30, 50
CONTAMINATION = 0.06

out = scratch()
rng = np.random.default_rng(20261205)
reference = write_reference(f"{out}/ref.fa", rng, LENGTH)
sites = np.sort(rng.choice(np.arange(200, LENGTH - 200), size=SNPS, replace=False))
frequency = rng.uniform(0.02, 0.98, size=SNPS)
alts = np.array([other_base(reference[p], rng) for p in sites])
# Hardy-Weinberg by construction: each haplotype carries the alt with its frequency.
carries_a = rng.random((2, SNPS)) < frequency
carries_b = rng.random((2, SNPS)) < frequency
person_a = person(reference, sites, alts, carries_a)
person_b = person(reference, sites, alts, carries_b)
dosage_a, dosage_b = carries_a.sum(axis=0), carries_b.sum(axis=0)
informative = (dosage_a == 2) | (dosage_b == 2)
opposite = ((dosage_a == 2) & (dosage_b == 0)) | ((dosage_b == 2) & (dosage_a == 0))
true_discordance = opposite.sum() / informative.sum()
print(f"truth: {informative.sum()} sites where A or B is homozygous alternative, {opposite.sum()} opposite")

write_bam(f"{out}/normal_a.bam", "normal_a", [(person_a, 1.0)], NORMAL_DEPTH, 1)
write_bam(f"{out}/normal_b.bam", "normal_b", [(person_b, 1.0)], NORMAL_DEPTH, 2)
write_bam(f"{out}/tumour_a.bam", "tumour_a", [(person_a, 1.0)], TUMOUR_DEPTH, 3)
write_bam(f"{out}/tumour_ab.bam", "tumour_ab", [(person_a, 1 - CONTAMINATION), (person_b, CONTAMINATION)],
          TUMOUR_DEPTH, 4)


def call(tumour, normal, path, extra=()):
    return run([binary("somatic-snv"), "--tumour", f"{out}/{tumour}.bam", "--normal", f"{out}/{normal}.bam",
                "--reference", f"{out}/ref.fa", "-o", path] + list(extra), check=False)


def header_fields(header, key):
    """##key=a,b=c,... as {'': a, 'b': c, ...}."""
    line = next((h for h in header if h.startswith(f"##{key}=")), None)
    if line is None:
        return {}
    first, *rest = line.split("=", 1)[1].split(",")
    return {"": first, **dict(part.split("=", 1) for part in rest)}


# One person.
same = call("tumour_a", "normal_a", f"{out}/same.vcf")
check(same.returncode == 0, f"A against A runs: {same.stderr.strip()!r}")
_, header = read_vcf(f"{out}/same.vcf")
identity = header_fields(header, "sample_identity")
want = "undetermined" if SMALL else "same"
check(identity.get("") in (want, "same"), f"A against A: ##sample_identity says {want} ({identity})")
check(identity.get("opposite_homozygotes") == "0", f"A against A: no opposite homozygote ({identity})")
clean = header_fields(header, "tumour_contamination")
low, high = (float(x) for x in clean["ci95"].split("-"))
check(float(clean[""]) < 0.01 and low == 0, f"A's clean tumour: contamination under 1%, interval from 0 ({clean})")

# A swap: stops before writing anything.
swap = call("tumour_a", "normal_b", f"{out}/swap.vcf")
lines = swap.stderr.strip().splitlines()
check(swap.returncode == 1 and len(lines) == 1 and "tumour_a.bam" in lines[0] and "normal_b.bam" in lines[0]
      and "two different people" in lines[0] and "--allow-sample-mismatch" in lines[0],
      f"A against B: exit 1, one line naming both files and the option: {swap.stderr!r}")
check(not os.path.exists(f"{out}/swap.vcf"), "no output file is left behind")
allowed = call("tumour_a", "normal_b", f"{out}/swap.vcf", ["--allow-sample-mismatch"])
check(allowed.returncode == 0 and "two different people" in allowed.stderr,
      f"--allow-sample-mismatch calls anyway and says why: {allowed.stderr.strip()!r}")
_, header = read_vcf(f"{out}/swap.vcf")
identity = header_fields(header, "sample_identity")
seen = int(identity["opposite_homozygotes"]) / int(identity["informative_sites"])
check(identity[""] == "mismatch", f"the header says mismatch ({identity})")
check(abs(seen - true_discordance) <= 0.05,
      f"the share of opposite homozygotes ({seen:.3f}) is the genotypes' own ({true_discordance:.3f}) within 0.05")

# A's tumour holding 6% of B's DNA.
mixed = call("tumour_ab", "normal_a", f"{out}/mixed.vcf")
check(mixed.returncode == 0, f"A+B against A runs: {mixed.stderr.strip()!r}")
_, header = read_vcf(f"{out}/mixed.vcf")
check(header_fields(header, "sample_identity").get("") != "mismatch", "a contaminated tumour is not a swap")
estimate = header_fields(header, "tumour_contamination")
low, high = (float(x) for x in estimate["ci95"].split("-"))
check(low <= CONTAMINATION <= high and abs(float(estimate[""]) - CONTAMINATION) <= 0.02,
      f"contamination {CONTAMINATION}: estimated {estimate}")
check("contamination by another person" in mixed.stderr, f"standard error says so: {mixed.stderr.strip()!r}")
finish()
