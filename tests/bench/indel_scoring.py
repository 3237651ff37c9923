#!/usr/bin/python3
"""bench/bench_lib/indel.py against cases worked out by hand: the repeat
context of indels, matching after bcftools norm (a right-shifted call is
the same indel), the length and context bins, and both MNV scorings."""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "bench"))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from bench_lib import indel  # noqa: E402
from e2e_lib import check, finish  # noqa: E402

#          1         2         3         4         5         6
# 123456789012345678901234567890123456789012345678901234567890
REF = ("GACTTTTTGCACACACAGTCGATCCGATGCAATGCCTAGGTCAGTCCATGAGCTAGCAT"
       "ACGTTGCAGCTAGGACTAGCATGCAAGCTAGCTCGGATC")


def vcf(path, rows):
    with open(path, "w") as f:
        f.write("##fileformat=VCFv4.2\n##contig=<ID=c,length=%d>\n" % len(REF))
        f.write('##INFO=<ID=EXPECTED_VAF,Number=1,Type=Float,Description="x">\n')
        f.write('##FILTER=<ID=LowQ,Description="x">\n')
        f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
        for pos, ref, alt, filt in rows:
            f.write(f"c\t{pos}\t.\t{ref}\t{alt}\t.\t{filt}\tEXPECTED_VAF=0.3\n")


def main():
    if not shutil.which("bcftools"):
        print("skipped: bcftools not found")
        sys.exit(77)
    # contexts by hand: a run of 5 T at 4-8 (padding C at 3); (CA) x 4 at
    # 10-17 after G at 9; the lone A at 22 between G and T; GGG inserted
    # after T at 28 before G-C (one G: no homopolymer of 4)
    cases = [((3, "CT", "C"), "homopolymer"), ((3, "C", "CTT"), "homopolymer"),
             ((9, "GCA", "G"), "str"), ((9, "G", "GCACA"), "str"),
             ((21, "GA", "G"), "none"), ((28, "T", "TGGG"), "none")]
    for (pos, ref, alt), want in cases:
        got = indel.context(REF, pos, ref, alt)
        check(got == want, f"context of {pos} {ref}>{alt}: {got}, by hand {want}")
    check(indel.length_bin("A", "AT") == "1" and indel.length_bin("ACGTA", "A") == "2-4"
          and indel.length_bin("A", "A" + "C" * 20) == "5-20" and indel.length_bin("A" * 22, "A") == "21-50",
          "length bins 1, 2-4, 5-20, 21-50")

    tmp = tempfile.mkdtemp(prefix="indel_scoring.")
    try:
        fa = os.path.join(tmp, "ref.fa")
        with open(fa, "w") as f:
            f.write(">c\n" + REF + "\n")
        subprocess.run(["samtools", "faidx", fa], check=True)
        truth, calls = os.path.join(tmp, "truth.vcf"), os.path.join(tmp, "calls.vcf")
        vcf(truth, [(3, "CT", "C", "PASS"), (9, "GCA", "G", "PASS"), (21, "GA", "G", "PASS"),
                    (48, "AT", "GC", "PASS")])
        # T deletion written right-shifted at 7 (TT>T): the same indel after
        # norm; the CA deletion missed; a false 1-bp insertion in no repeat;
        # a filtered call ignored; the MNV at 48 split into two SNVs.
        vcf(calls, [(7, "TT", "T", "PASS"), (21, "GA", "G", "PASS"), (35, "C", "CG", "PASS"),
                    (40, "GT", "G", "LowQ"), (48, "A", "G", "PASS"), (49, "T", "C", "PASS")])
        ref_seqs = {"c": REF}
        t = indel.normalised_records(truth, fa, pass_only=False)
        c = indel.normalised_records(calls, fa)
        rows = {(r["kind"], r["bin"]): r for r in indel.score_indels(c, t, fa, ref_seqs)}
        a = rows[("all", "all")]
        # truth 3 indels, TP 2 (the shifted T and the C), FP 1 (insertion at 35)
        check((a["truth"], a["tp"], a["fp"]) == (3, 2, 1), f"all: truth/TP/FP {a['truth']}/{a['tp']}/{a['fp']}, "
              "by hand 3/2/1")
        hp, st, no = rows[("context", "homopolymer")], rows[("context", "str")], rows[("context", "none")]
        check((hp["tp"], hp["fp"], st["truth"], st["tp"], no["truth"], no["tp"], no["fp"]) == (1, 0, 1, 0, 1, 1, 1),
              "contexts: homopolymer TP 1, STR 0 of 1, none 1 of 1 with the false insertion")
        one, two = rows[("length", "1")], rows[("length", "2-4")]
        check((one["truth"], one["tp"], one["fp"], two["truth"], two["tp"]) == (2, 2, 1, 1, 0),
              "length bins: 1 bp 2 of 2 plus 1 false, 2-4 bp 0 of 1")
        mnv_truth = [r for r in t if len(r[2]) == len(r[3]) >= 2]
        m = indel.score_mnvs(c, mnv_truth)
        check((m["one record"]["tp"], m["split"]["tp"], m["split"]["fp"]) == (0, 1, 0),
              "MNV AT>GC: not as one record, found split into A>G and T>C")
        check(indel.mnv_bases(mnv_truth) == {("c", 48, "A", "G"), ("c", 49, "T", "C")},
              "MNV bases left out of the SNV score")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


if __name__ == "__main__":
    main()
