#!/usr/bin/python3
"""Checks the simulator's indels and MNVs against its reads and the reference.

Runs sim/simulate on a small synthetic genome with true alignments and many
indels and MNVs, and checks, with code independent of the simulator's:
  a) bcftools norm --check-ref e -f ref.fa leaves truth.indel.vcf.gz,
     truth.mnv.vcf.gz and germline.vcf.gz unchanged (left-aligned,
     parsimonious, REF matches the reference);
  b) the shapes: about half 1 bp, about 40% in homopolymers (>= 4 of one
     base) or STRs (>= 3 copies of a 2-6 bp unit) as whole units, every
     length bin up to 50 bp filled, nothing longer; RU/RC/IC as recomputed;
  c) the reads carry them: per truth indel, the share of tumour reads
     with that exact I/D in their CIGAR follows EXPECTED_VAF; germline
     indels are ~0.5 (het) and ~1 (hom) in the normal; the reads' bases
     agree with the reference through their CIGARs (true alignments);
  d) MNV bases are in phase: reads carry all of an MNV's bases or none;
  e) the same seed without indels and MNVs gives the same SNV truth and
     germline SNPs (indels draw from their own random streams);
  f) testdata/pair3 (bwa alignments) shows its truth indels in its reads.
Exit 0 when everything passes; 77 (skip) when a needed program is missing.
Usage: check_indels.py [SEED]   (default seed 5; other seeds check robustness)
"""
import gzip
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np

from sim_files import read_fasta, read_vcf

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SIMULATE = os.path.join(ROOT, "sim", "simulate")
PAIR3 = os.path.join(ROOT, "testdata", "pair3")
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 5
ARGS = ["--synthetic", "150000,50000", "--seed", str(SEED), "--aligner", "truth", "--tumour-depth", "60",
        "--normal-depth", "30", "--purity", "0.7", "--snv-count", "100", "--indel-count", "300",
        "--mnv-count", "60", "--germline-indel-rate", "3e-4", "--bin-qualities", "--threads", "2"]
NO_SMALL = ["--indel-count", "0", "--mnv-count", "0", "--germline-indel-rate", "0"]
CIGAR = re.compile(r"(\d+)([MIDNSHP=X])")

results = []


def check(name, ok, detail):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}: {name}: {detail}", flush=True)


def finish():
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)


# ---------------------------------------------------------------- a) normalisation

def check_normalised(out):
    ref = os.path.join(out, "ref.fa")
    for name in ("truth.indel.vcf.gz", "truth.mnv.vcf.gz", "germline.vcf.gz"):
        path = os.path.join(out, name)
        res = subprocess.run(["bcftools", "norm", "--no-version", "--check-ref", "e", "-f", ref, "-Ov", path],
                             capture_output=True, text=True)
        body = [l for l in res.stdout.splitlines() if not l.startswith("#")]
        with gzip.open(path, "rt") as fh:
            mine = [l.rstrip("\n") for l in fh if not l.startswith("#")]
        m = re.search(r"total/split/realigned/skipped:\s+(\d+)/(\d+)/(\d+)/(\d+)", res.stderr)
        ok = res.returncode == 0 and body == mine and m is not None and m.group(3) == "0"
        check(f"a) bcftools norm leaves {name} unchanged", ok,
              f"{len(mine)} records, {res.stderr.strip().splitlines()[-1] if res.stderr.strip() else ''}")


# ---------------------------------------------------------------- b) shapes

def unit_of(s):
    for p in range(1, len(s) + 1):
        if len(s) % p == 0 and s[:p] * (len(s) // p) == s:
            return s[:p]


def repeat_context(seq, pos1, ref, alt):
    """(unit, copies in the reference after the padding base, class)."""
    body = alt[1:] if len(alt) > len(ref) else ref[1:]
    u = unit_of(body)
    n, i = 0, pos1          # pos1 (1-based padding base) is the 0-based index after it
    while seq[i + n * len(u):i + (n + 1) * len(u)] == u:
        n += 1
    cls = "homopolymer" if len(u) == 1 and n >= 4 else "str" if 2 <= len(u) <= 6 and n >= 3 else "none"
    return u, n, cls


def check_shapes(indels, ref):
    lengths = np.array([abs(len(v["ref"]) - len(v["alt"])) for v in indels])
    ctx = [repeat_context(ref[v["chrom"]], v["pos"], v["ref"], v["alt"]) for v in indels]
    cls = [c[2] for c in ctx]
    n = len(indels)
    one = float(np.mean(lengths == 1))
    rep = sum(c != "none" for c in cls) / n
    bins = [int(np.sum((lengths >= lo) & (lengths <= hi))) for lo, hi in ((1, 1), (2, 4), (5, 20), (21, 50))]
    ins = float(np.mean([len(v["alt"]) > len(v["ref"]) for v in indels]))
    # n = 300: the binomial sd of a share near 0.5 is 0.029; allow ~3.5 sd
    ok = n >= 270 and 0.40 <= one <= 0.60 and 0.30 <= rep <= 0.50 and min(bins) >= 3 \
        and lengths.max() <= 50 and 0.35 <= ins <= 0.65
    check("b) indel lengths and contexts", ok,
          f"{n} indels: 1 bp {one:.2f} (0.40-0.60), in repeats {rep:.2f} (0.30-0.50: "
          f"{cls.count('homopolymer')} homopolymer, {cls.count('str')} STR), length bins 1/2-4/5-20/21-50 "
          f"{bins}, max {lengths.max()}, insertions {ins:.2f}")
    # repeat indels change whole units: the indel length is a multiple of the unit
    whole = all((len(v["ref"]) - len(v["alt"])) % len(c[0]) == 0 for v, c in zip(indels, ctx))
    bad = [f"{v['chrom']}:{v['pos']} {v['info'].get('RU')}/{v['info'].get('RC')}/{v['info'].get('IC')} "
           f"vs {c[0]}/{c[1]}" for v, c in zip(indels, ctx)
           if (v["info"].get("RU"), int(v["info"].get("RC", -1)), v["info"].get("CONTEXT")) != (c[0], c[1], c[2])
           or int(v["info"]["IC"]) != c[1] + (len(v["alt"]) - len(v["ref"])) // len(c[0])]
    check("b) RU/RC/IC/CONTEXT agree with the reference", whole and not bad,
          f"{n} indels" if not bad else f"{len(bad)} differ, e.g. {bad[0]}")


# ---------------------------------------------------------------- c), d) reads

def reads(bam, region):
    """Yield (pos1, cigar ops [(n, op)], seq) of primary, non-duplicate reads."""
    res = subprocess.run(["samtools", "view", "-F", "0xD04", bam, region], check=True,
                         capture_output=True, text=True)
    for line in res.stdout.splitlines():
        f = line.split("\t")
        yield int(f[3]), [(int(n), op) for n, op in CIGAR.findall(f[5])], f[9]


def indel_fraction(bam, v, slack):
    """(reads spanning the site, reads with the indel) near truth indel v:
    an I/D of the same kind and length within `slack` of its position, or
    (with slack 0) exactly after the padding base."""
    ins = len(v["alt"]) > len(v["ref"])
    length = abs(len(v["alt"]) - len(v["ref"]))
    beg, end = v["pos"] - slack, v["pos"] + len(v["ref"]) + slack
    span = alt = 0
    for pos, ops, _ in reads(bam, f"{v['chrom']}:{beg}-{end}"):
        r, has, aligned = pos, False, []
        for n, op in ops:
            if op in "M=X":
                aligned.append((r, r + n))
                r += n
            elif op == "D":
                if (not ins and n == length and abs(r - 1 - v["pos"]) <= slack):
                    has = True
                r += n
            elif op == "I":
                if ins and n == length and abs(r - 1 - v["pos"]) <= slack:
                    has = True
        if aligned and aligned[0][0] <= beg and aligned[-1][1] > end:
            span += 1
            alt += has
    return span, alt


def observable(e, v, slack, read_length=150):
    """The alt share among reads that span [pos - slack, end + slack]: a
    read must hold the whole allele plus the flanks, so fewer reads can
    show the longer allele (A and R: read starts that span each allele)."""
    a = read_length - len(v["alt"]) - 2 * slack
    r = read_length - len(v["ref"]) - 2 * slack
    return e * a / (e * a + (1 - e) * r)


def vaf_agreement(bam, indels, slack):
    exp, obs, mad = [], [], []
    for v in indels:
        d, a = indel_fraction(bam, v, slack)
        if d < 10:
            continue
        e = observable(float(v["info"]["EXPECTED_VAF"]), v, slack)
        exp.append(e)
        obs.append(a / d)
        mad.append(math.sqrt(2 / math.pi) * math.sqrt(e * (1 - e) / d))
    exp, obs = np.array(exp), np.array(obs)
    r = float(np.corrcoef(exp, obs)[0, 1]) if len(exp) > 2 else 0.0
    return exp, obs, float(np.mean(np.abs(obs - exp))), 1.3 * float(np.mean(mad)) + 0.02, r


def check_indel_reads(out, indels):
    exp, obs, dev, bound, r = vaf_agreement(os.path.join(out, "tumour.bam"), indels, 0)
    ok = len(exp) >= 0.9 * len(indels) and dev <= bound and r > 0.6 and abs(np.mean(obs - exp)) < 0.03
    check("c) tumour reads with the exact indel vs EXPECTED_VAF (true CIGARs)", ok,
          f"{len(exp)} indels, mean |obs-exp| {dev:.4f} (bound {bound:.4f}), mean obs-exp "
          f"{np.mean(obs - exp):+.4f}, Pearson r {r:.3f} (> 0.6)")


def check_germline_indels(out):
    germ = [v for v in read_vcf(os.path.join(out, "germline.vcf.gz")) if len(v["ref"]) != len(v["alt"])]
    bam = os.path.join(out, "normal.bam")
    het = [indel_fraction(bam, v, 0) for v in germ if v["gt"] in ("0|1", "1|0")]
    hom = [indel_fraction(bam, v, 0) for v in germ if v["gt"] == "1|1"]
    # short germline indels dominate: the read-span correction is < 1% here
    fh = sum(a for _, a in het) / max(1, sum(d for d, _ in het))
    fo = sum(a for _, a in hom) / max(1, sum(d for d, _ in hom))
    ok = len(germ) >= 20 and abs(fh - 0.5) < 0.06 and fo > 0.95
    check("c) germline indels in normal.bam", ok,
          f"{len(het)} het at {fh:.3f} (0.5 +- 0.06), {len(hom)} hom at {fo:.3f} (> 0.95)")


def check_cigars_fit(out, ref):
    """Reads with I/D or S in their CIGAR, rebuilt from the reference through
    it, differ from their bases only by sequencing errors (~0.5%)."""
    total = mism = n = 0
    res = subprocess.run(["samtools", "view", os.path.join(out, "tumour.bam")], check=True,
                         capture_output=True, text=True)
    for line in res.stdout.splitlines():
        f = line.split("\t")
        if not any(c in f[5] for c in "IDS"):
            continue
        n += 1
        r, q, seq, chrom = int(f[3]) - 1, 0, f[9], ref[f[2]]
        for k, op in CIGAR.findall(f[5]):
            k = int(k)
            if op == "M":
                mism += sum(a != b for a, b in zip(seq[q:q + k], chrom[r:r + k]))
                total += k
                r, q = r + k, q + k
            elif op == "D":
                r += k
            else:
                q += k
    rate = mism / max(1, total)
    check("c) reads over indels agree with the reference through their CIGARs", n > 1000 and rate < 0.01,
          f"{n} reads, mismatch rate {rate:.4f} (< 0.01; a CIGAR off by one base gives ~0.75)")


def bases_at(pos, ops, seq, beg, k):
    """The read's bases aligned to reference [beg, beg+k) (1-based), or None
    unless one M operation covers them all."""
    r, q = pos, 0
    for n, op in ops:
        if op in "M=X":
            if r <= beg and beg + k <= r + n:
                return seq[q + beg - r:q + beg - r + k]
            r, q = r + n, q + n
        elif op == "D":
            r += n
        elif op in "IS":
            q += n
    return None


def check_mnv_phase(out, mnvs):
    full = partial = 0
    exp, obs, mad = [], [], []
    for v in mnvs:
        beg, k = v["pos"], len(v["ref"])
        d = a = 0
        for pos, ops, seq in reads(os.path.join(out, "tumour.bam"), f"{v['chrom']}:{beg}-{beg + k - 1}"):
            bases = bases_at(pos, ops, seq, beg, k)
            if bases is None:
                continue
            hits = sum(b == x for b, x in zip(bases, v["alt"]))
            d += 1
            if hits == k:
                full += 1
                a += 1
            elif hits:
                partial += 1
        if d >= 10:
            e = float(v["info"]["EXPECTED_VAF"])
            exp.append(e)
            obs.append(a / d)
            mad.append(math.sqrt(2 / math.pi) * math.sqrt(e * (1 - e) / d))
    share = partial / max(1, full + partial)
    dev = float(np.mean(np.abs(np.array(obs) - np.array(exp))))
    bound = 1.3 * float(np.mean(mad)) + 0.02
    ok = len(exp) >= 0.9 * len(mnvs) and share < 0.05 and dev < bound
    check("d) MNV bases in phase and at EXPECTED_VAF", ok,
          f"{len(mnvs)} MNVs: {full} reads with every alt base, {partial} with some ({share:.3f} < 0.05: "
          f"sequencing errors only), mean |obs-exp| {dev:.3f} (< {bound:.3f})")


def check_snvs_unchanged(out, out0):
    same = read_vcf(os.path.join(out, "truth.snv.vcf.gz")) == read_vcf(os.path.join(out0, "truth.snv.vcf.gz"))
    snps = [v for v in read_vcf(os.path.join(out, "germline.vcf.gz")) if len(v["ref"]) == len(v["alt"])]
    same_snps = snps == read_vcf(os.path.join(out0, "germline.vcf.gz"))
    check("e) SNV truth and germline SNPs do not depend on indels", same and same_snps,
          f"truth.snv identical: {same}, germline SNPs identical: {same_snps}")


def check_pair3():
    if not os.path.exists(os.path.join(PAIR3, "truth.indel.vcf.gz")):
        check("f) testdata/pair3 present", False, "missing")
        return
    indels = read_vcf(os.path.join(PAIR3, "truth.indel.vcf.gz"))
    # bwa places an indel anywhere in its repeat: allow its tract (<= 30 bp)
    exp, obs, dev, bound, r = vaf_agreement(os.path.join(PAIR3, "tumour.bam"), indels, 30)
    ok = len(exp) >= 0.9 * len(indels) and dev <= bound + 0.03 and r > 0.5
    check("f) testdata/pair3 (bwa) reads show the truth indels", ok,
          f"{len(exp)} of {len(indels)} indels, mean |obs-exp| {dev:.4f} (bound {bound + 0.03:.4f}), "
          f"Pearson r {r:.3f} (> 0.5)")


def main():
    for tool in ("samtools", "bcftools", "bgzip", "tabix", "art_illumina"):
        if not shutil.which(tool):
            print(f"skipped: {tool} not found")
            sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="check_indels.")
    try:
        out, out0 = os.path.join(tmp, "run"), os.path.join(tmp, "plain")
        for o, extra in ((out, []), (out0, NO_SMALL)):
            res = subprocess.run([SIMULATE, "--out", o] + ARGS + extra, capture_output=True, text=True)
            if res.returncode != 0:
                print(res.stderr[-3000:])
                check("sim/simulate runs", False, f"exit code {res.returncode}")
                finish()
        ref = read_fasta(os.path.join(out, "ref.fa"))
        indels = read_vcf(os.path.join(out, "truth.indel.vcf.gz"))
        mnvs = read_vcf(os.path.join(out, "truth.mnv.vcf.gz"))
        check_normalised(out)
        check_shapes(indels, ref)
        check_indel_reads(out, indels)
        check_germline_indels(out)
        check_cigars_fit(out, ref)
        check_mnv_phase(out, mnvs)
        check_snvs_unchanged(out, out0)
        check_pair3()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


if __name__ == "__main__":
    main()
