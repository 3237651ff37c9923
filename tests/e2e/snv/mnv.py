"""Multi-base substitutions: adjacent somatic substitutions on the same
fragments are one MNV record, adjacent ones on different fragments stay
separate SNVs.

A 20 kb random genome; the normal is one person (no variants); the tumour is
40% of that person and 60% of a clone whose first haplotype carries a CC>TT
doublet, a triple-base substitution, the first base of an adjacent pair and
a doublet across a chunk boundary, and whose second haplotype carries the
second base of the adjacent pair. Every planted allele is at ~30% in the
tumour. The expected fragment counts of each MNV (AD) are counted here with
pysam from the BAM: fragments (mates merged by name) with every alt base of
the block, or with the reference at every one.
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import numpy as np  # noqa: E402
import pysam  # noqa: E402
from e2e_lib import binary, check, finish, read_vcf, run, scratch  # noqa: E402
from generated_reads import person, write_bam, write_reference  # noqa: E402

out = scratch()
rng = np.random.default_rng(17)
LENGTH = 20000
ref_path = f"{out}/ref.fa"
reference = write_reference(ref_path, rng, LENGTH)

# 0-based positions. The doublet sits on "CC" (a UV doublet); the boundary
# doublet straddles 5000, where --chunk-size 1000 cuts the genome.
DOUBLET, TRIPLE, PAIR, BOUNDARY = 3000, 8000, 12000, 4999
reference[DOUBLET:DOUBLET + 2] = ["C", "C"]
with open(ref_path, "w") as f:
    seq = "".join(reference)
    f.write(">chr1\n" + "\n".join(seq[i:i + 60] for i in range(0, len(seq), 60)) + "\n")
pysam.faidx(ref_path)


def other(base, shift=1):
    return "ACGT"[("ACGT".index(base) + shift) % 4]


# Clone haplotype 0: doublet (CC>TT), triple, PAIR's first base, boundary
# doublet; haplotype 1: PAIR's second base.
hap0 = {DOUBLET: "T", DOUBLET + 1: "T", TRIPLE: other(reference[TRIPLE]), TRIPLE + 1: other(reference[TRIPLE + 1], 2),
        TRIPLE + 2: other(reference[TRIPLE + 2]), PAIR: other(reference[PAIR]),
        BOUNDARY: other(reference[BOUNDARY]), BOUNDARY + 1: other(reference[BOUNDARY + 1])}
hap1 = {PAIR + 1: other(reference[PAIR + 1])}
sites = np.array(sorted(set(hap0) | set(hap1)))
alts = np.array([hap0.get(int(p), hap1.get(int(p))) for p in sites])
carries = np.array([[int(p) in hap0 for p in sites], [int(p) in hap1 for p in sites]])
germline = person(reference, np.array([], dtype=int), np.array([], dtype=str), np.zeros((2, 0), dtype=bool))
clone = person(reference, sites, alts, carries)
write_bam(f"{out}/normal.bam", "normal", [(germline, 1.0)], 40, seed=1)
write_bam(f"{out}/tumour.bam", "tumour", [(germline, 0.4), (clone, 0.6)], 80, seed=2)

snv = binary("somatic-snv")
fixed = ["--somatic-prior", "1e-5", "--shared-prior", "1e-6", "--orientation-artefact-rate", "0.001",
         "--strand-artefact-rate", "0.001"]


def call(name, extra=()):
    path = f"{out}/{name}.vcf"
    run([snv, "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam", "--reference", ref_path,
         "--no-version", "-o", path] + list(extra))
    return path


def fragments(positions, alleles):
    """Tumour fragments with every base of `alleles` at `positions`, and with
    a base at every position (mates merged by name; a fragment whose mates
    disagree at a position has no base there, as in the caller)."""
    bases = {}
    with pysam.AlignmentFile(f"{out}/tumour.bam") as bam:
        for read in bam.fetch("chr1", positions[0], positions[-1] + 1):
            seen = bases.setdefault(read.query_name, {})
            for q, r in read.get_aligned_pairs(matches_only=True):
                if r in positions:
                    b = read.query_sequence[q]
                    seen[r] = b if seen.get(r, b) == b else None
    full = covering = 0
    for seen in bases.values():
        if all(seen.get(p) for p in positions):
            covering += 1
            full += all(seen[p] == a for p, a in zip(positions, alleles))
    return full, covering


records, header = read_vcf(call("default"))
by_pos = {r["pos"]: r for r in records}
check(any(h.startswith("##INFO=<ID=MNV,") for h in header), "the header defines INFO/MNV")


def expect_mnv(label, beg, length):
    ref = "".join(reference[beg:beg + length])
    alt = "".join(hap0[beg + i] for i in range(length))
    r = by_pos.get(beg + 1)
    check(r is not None and r["ref"] == ref and r["alt"] == alt and "MNV" in r["info"],
          f"{label}: one MNV record {ref}>{alt} at {beg + 1} "
          f"({r and (r['ref'], r['alt'], r['filter'], r['info'].get('MNV'))})")
    inner = [p for p in range(beg + 2, beg + length + 1) if p in by_pos]
    check(not inner, f"{label}: no record at its other bases ({inner})")
    if r is None:
        return
    check(r["filter"] == "PASS", f"{label}: PASS ({r['filter']})")
    full, covering = fragments(list(range(beg, beg + length)), alt)
    tumour = r["samples"][1]
    ad = [int(x) for x in tumour["AD"].split(",")]
    check(ad[1] == full and int(tumour["DP"]) == covering,
          f"{label}: tumour AD alt and DP are the fragments with every alt base and with every base "
          f"({ad[1]}/{tumour['DP']}, counted {full}/{covering})")
    check(abs(float(tumour["AF"]) - 0.3) < 0.15, f"{label}: tumour AF near the planted 0.3 ({tumour['AF']})")
    qss = [int(x) for x in r["info"].get("MNVQSS", "").split(",") if x]
    check(len(qss) == length and int(r["info"]["QSS"]) == min(qss),
          f"{label}: MNVQSS gives each base's QSS, QSS is the lowest ({r['info'].get('MNVQSS')}, {r['info']['QSS']})")
    phase = [int(x) for x in r["info"]["MNVPHASE"].split(",")]
    alt_each = [int(x) for x in r["info"]["MNVALT"].split(",")]
    check(phase[0] == full and phase[1] * 4 <= full and all(a >= full for a in alt_each),
          f"{label}: MNVPHASE says the alt bases are together ({phase}), MNVALT ({alt_each}) >= them")


expect_mnv("CC>TT doublet", DOUBLET, 2)
expect_mnv("triple-base substitution", TRIPLE, 3)
expect_mnv("doublet across a chunk boundary", BOUNDARY, 2)
pair = [by_pos.get(PAIR + 1), by_pos.get(PAIR + 2)]
check(all(r and len(r["ref"]) == 1 and r["filter"] == "PASS" and "MNV" not in r["info"] for r in pair),
      "adjacent SNVs on different fragments: two PASS SNV records "
      f"({[(r['pos'], r['ref'], r['alt'], r['filter']) for r in pair if r]})")
check(len(records) == 5, f"five records in all ({[(r['pos'], r['ref'], r['alt']) for r in records]})")

# --no-mnv: one SNV record per base, Strelka2's way.
separate, _ = read_vcf(call("no_mnv", ["--no-mnv"]))
check(not any("MNV" in r["info"] for r in separate) and len(separate) == 2 + 3 + 2 + 2 and
      all(len(r["ref"]) == 1 for r in separate),
      f"--no-mnv: nine single-base records ({[(r['pos'], r['ref'], r['alt']) for r in separate]})")

# The boundary doublet with 1 kb chunks (fixed priors: a genome this small is
# otherwise called as the prior's one sample chunk) at 1 and 4 threads.
outputs = [open(call(f"chunks{t}", fixed + ["--chunk-size", "1000", "--threads", str(t)])).read() for t in (1, 4)]
check(outputs[0] == outputs[1], "1 kb chunks: the same bytes at 1 and 4 threads")
check(outputs[0] == open(call("one_chunk", fixed)).read(), "1 kb chunks: the same bytes as one chunk")
chunked, _ = read_vcf(f"{out}/chunks1.vcf")
at = [r for r in chunked if BOUNDARY + 1 <= r["pos"] <= BOUNDARY + 2]
check(len(at) == 1 and at[0]["pos"] == BOUNDARY + 1 and len(at[0]["ref"]) == 2 and "MNV" in at[0]["info"],
      f"1 kb chunks: the doublet across 5000 is one MNV record ({[(r['pos'], r['ref'], r['alt']) for r in at]})")
check(sum("MNV" in r["info"] for r in chunked) == 3, "1 kb chunks: the three MNVs")
finish()
