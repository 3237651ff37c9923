"""Optional: somatic-snv, somatic-cnv and somatic-sig catalogue on Strelka2's
demo pair (../shared/data/somatic_bam/strelka_demo, or $SOMATIC_SHARED_DATA);
skipped when absent.

Real reads of two people on 5 kb of chr20 (demo20, GRCh37 chr20:862,001-
867,000): NA12891 as 'tumour', NA12892 as 'normal'. What Strelka2 calls on
them (somatic.snvs.vcf.gz: 17 SNVs, 16 PASS) are germline differences
between the two, not somatic mutations, but to a tumour/normal caller they
look exactly like somatic SNVs, so they are a reference for ours:
- Strelka2's 16 PASS sites all have 5 to 28 alt fragments of 10 to 33 in
  the 'tumour' and none of 11 to 39 in the 'normal' (its FORMAT counts):
  evidence no caller should leave out, so all 16 must be records here,
  with Strelka2's alt;
- 14 of them have at least 20 normal reads, where a het of the normal
  missed by chance is below 1e-6: at least 13 of these must PASS (one
  may meet a filter such as strand bias on 10-odd alt reads);
- Strelka2's 17th site, 1873 C>T (LowEVS), is the other way round: a het of
  the normal (10 of 23 alt) that the tumour lacks (0 of 21); it must not
  PASS, and --germline-hets must hold it;
- Strelka2 sees every clear difference of these 5 kb, so a PASS call of
  ours outside its 17 sites would be something it found no evidence for:
  at most one is allowed;
- its somatic.indels.vcf.gz has two PASS indels (1148 C>CTAT, 3664 TC>T),
  germline differences of the same kind: both must be PASS records here,
  with its alleles, and no other indel may PASS.
Two people are what the sample identity check exists for: without
--allow-sample-mismatch somatic-snv stops (exit 1, one line naming both
files, no output), its header says mismatch when overridden, and the calls
above are made with the override, as a swapped pair's would have to be.
Both are diploid people: their depth ratio is flat, so somatic-cnv's
segments have |log2| < 0.3."""
import gzip
import os

from real_lib import Pair, binary, check, data_dir, finish, must, run, sample_index

folder = data_dir("strelka_demo")
pair = Pair("strelka_demo", os.path.join(folder, "NA12891_demo20.bam"), os.path.join(folder, "NA12892_demo20.bam"),
            os.path.join(folder, "demo20.fa"))


def strelka_calls(path):
    """Strelka2's SNVs: {pos: (alt, filter, normal depth)}. FORMAT is
    DP:FDP:SDP:SUBDP:AU:CU:GU:TU; the NORMAL column comes first."""
    out = {}
    with gzip.open(path, "rt") as f:
        for line in f:
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            normal = dict(zip(c[8].split(":"), c[9].split(":")))
            out[int(c[1])] = (c[4], c[6], int(normal["DP"]))
    return out


strelka = strelka_calls(os.path.join(folder, "somatic.snvs.vcf.gz"))
def strelka_pass_indels(path):
    """Strelka2's PASS indels: {(pos, ref, alt)}."""
    out = set()
    with gzip.open(path, "rt") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if not line.startswith("#") and c[6] == "PASS":
                out.add((int(c[1]), c[3], c[4]))
    return out


strelka_indels = strelka_pass_indels(os.path.join(folder, "somatic.indels.vcf.gz"))
must(len(strelka_indels) == 2, f"Strelka2's expected indels read: {sorted(strelka_indels)} (2 PASS expected)")
must(len(strelka) == 17 and sum(1 for a, f, d in strelka.values() if f == "PASS") == 16,
     f"Strelka2's expected calls read: {len(strelka)} SNVs (17 expected, 16 of them PASS)")

# The identity check: two people, so the run stops unless overridden.
stopped = run([binary("somatic-snv"), "--tumour", pair.tumour, "--normal", pair.normal, "--reference",
               pair.reference, "-o", f"{pair.out}/stopped.vcf"], check=False)
lines = stopped.stderr.strip().splitlines()
check(stopped.returncode == 1 and len(lines) == 1 and "two different people" in lines[0]
      and "NA12891_demo20.bam" in lines[0] and "NA12892_demo20.bam" in lines[0]
      and not os.path.exists(f"{pair.out}/stopped.vcf"),
      f"strelka_demo: two people stop somatic-snv with one line naming both files, no output: {stopped.stderr!r}")

records, header, hets, _ = pair.snv("calls", ["--allow-sample-mismatch"])
check(any(h.startswith("##sample_identity=mismatch,") for h in header),
      f"strelka_demo: the header says mismatch ({[h for h in header if 'sample_identity' in h]})")
calls = {r["pos"]: r for r in records}
pair.check_depth_filters(records, header, "calls")

strelka_pass = {p: v for p, v in strelka.items() if v[1] == "PASS"}
found = [p for p, (alt, _, _) in strelka_pass.items() if p in calls and calls[p]["alt"] == alt]
check(len(found) == len(strelka_pass),
      f"strelka_demo: all {len(strelka_pass)} of Strelka2's PASS sites are records with its alt "
      f"({len(found)}; missing or another alt: {sorted(set(strelka_pass) - set(found))})")

deep = [p for p, (_, _, depth) in strelka_pass.items() if depth >= 20]
passing = [p for p in deep if p in calls and calls[p]["filter"] == "PASS"]
check(len(deep) == 14 and len(passing) >= 13,
      f"strelka_demo: {len(passing)} of the {len(deep)} Strelka2 PASS sites with >= 20 normal reads PASS here "
      f"(at least 13; not: {[(p, calls[p]['filter'] if p in calls else None) for p in deep if p not in passing]})")

check(1873 not in calls or calls[1873]["filter"] != "PASS",
      f"strelka_demo: 1873, a het of the normal the tumour lacks, is not a PASS call "
      f"({calls[1873]['filter'] if 1873 in calls else 'no record'})")
check(any(h["pos"] == 1873 and h["alt"] == "T" for h in hets),
      f"strelka_demo: --germline-hets holds the normal's het 1873 C>T ({[h['pos'] for h in hets]})")

is_indel = [len(r["ref"]) != len(r["alt"]) for r in records]
ours_indels = {(r["pos"], r["ref"], r["alt"]) for r, indel in zip(records, is_indel) if indel and r["filter"] == "PASS"}
check(ours_indels == strelka_indels,
      f"strelka_demo: the PASS indels are Strelka2's two ({sorted(ours_indels)} vs {sorted(strelka_indels)})")
extra = [(r["pos"], r["ref"], r["alt"]) for r, indel in zip(records, is_indel)
         if r["filter"] == "PASS" and not indel and r["pos"] not in strelka]
check(len(extra) <= 1, f"strelka_demo: at most one PASS call outside Strelka2's 17 sites ({extra})")

ti = sample_index(header, "tumor")
print("strelka_demo: PASS calls:", len([r for r in records if r["filter"] == "PASS"]), "of", len(records),
      "records; tumour AF of the PASS calls:",
      sorted(float(r["samples"][ti]["AF"]) for r in records if r["filter"] == "PASS"))

pair.check_same_reads(pair.tumour)
pair.check_same_reads(pair.normal)
pair.check_threads(1000, ["--allow-sample-mismatch"])

segments = pair.check_cnv("whole contig", os.path.join(pair.out, "calls.hets.vcf"), hets)
logs = [float(s["log2"]) for s in segments]
check(all(abs(x) < 0.3 for x in logs), f"strelka_demo: two diploid people give flat log2 ratios: {logs}")

pair.check_catalogue(records, os.path.join(pair.out, "calls.vcf"))
pair.check_catalogue(records, os.path.join(pair.out, "calls.vcf"), all_filters=True)
finish()
