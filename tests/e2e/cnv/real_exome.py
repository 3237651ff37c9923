"""Optional: somatic-cnv on two real exomes from ../shared/data (or
$SOMATIC_SHARED_DATA); skipped when that data is absent.

CNVkit's p2-20_1.cnr: real coverage wiggles over neighbouring targets. The
autocorrelation of its target log2 ratios about a running median is 0.17,
0.12, 0.09, 0.05, 0.04 at lags 1-5, so the long-run variance is well over
1.5 times the variance, and segmenting as if the noise were independent
draws change-points from the wiggle.

PureCN's example (through bench/cnv/vs_purecn.py, which turns its target
coverage and allele depths into somatic-cnv's tables): at PureCN's own purity
and ploidy, somatic-cnv's total copy numbers must agree with PureCN's on at
least 95% of the bases PureCN calls (the bar the issue sets against a truth),
and somatic-cnv's own solution must hold the same share of tumour DNA as
PureCN's within 15%: a doubled genome at purity p' and an undoubled one at
p give the same log2 and BAF when 2p'/(1-p') = p/(1-p)."""
import os
import re
import subprocess
import sys
import tempfile

from cnv_test_util import BIN, SKIP, Checks, header_values, read_bed, run

source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
shared = os.environ.get("SOMATIC_SHARED_DATA", os.path.join(source, "..", "shared", "data"))
cnr = os.path.join(shared, "copynumber", "cnvkit_examples", "formats", "p2-20_1.cnr")
purecn = os.path.join(shared, "copynumber", "purecn_extdata")
if not (os.path.exists(cnr) and os.path.isdir(purecn)):
    print("%s or %s is absent: skipped" % (cnr, purecn))
    sys.exit(SKIP)

checks = Checks()
check = checks.check


def autosomal_change_points(text):
    rows = [r for r in read_bed(text) if re.fullmatch(r"chr\d+", r["chrom"])]
    return sum(1 for a, b in zip(rows, rows[1:]) if a["chrom"] == b["chrom"])


_, correlated, _ = run(["segment", cnr])
_, independent, _ = run(["segment", cnr, "--independent-noise"])
factor = float(header_values(correlated)["log2_noise_factor"])
check(factor > 1.5, "p2-20_1: the long-run variance factor is above 1.5: %.2f" % factor)
check(header_values(independent)["log2_noise_factor"] == "1", "p2-20_1: --independent-noise writes factor 1")
n_correlated, n_independent = autosomal_change_points(correlated), autosomal_change_points(independent)
check(n_correlated < 0.5 * n_independent,
      "p2-20_1: fewer than half the autosomal change-points of the independent-noise cost: %d against %d"
      % (n_correlated, n_independent))

with tempfile.TemporaryDirectory() as out:
    p = subprocess.run([sys.executable, os.path.join(source, "bench", "cnv", "vs_purecn.py"), "--binary", BIN,
                        "--shared", shared, "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("vs_purecn.py failed (%d):\n%s%s" % (p.returncode, p.stdout, p.stderr))
    print(p.stdout)
    agree = re.search(r"equals PureCN's on ([\d.]+)%", p.stdout)
    check(agree is not None and float(agree.group(1)) >= 95,
          "PureCN example: total copy number at PureCN's solution agrees on >= 95%%: %s" % (agree and agree.group(1)))
    best = re.search(r"\| somatic-cnv's best \| ([\d.]+) \| ([\d.]+) \| (\d) \|", p.stdout)
    theirs = re.search(r"\| PureCN's best \| ([\d.]+) \|", p.stdout)
    if best and theirs:
        purity, doubled = float(best.group(1)), best.group(3) == "1"
        ours_share = (2 if doubled else 1) * purity / (1 - purity)
        p0 = float(theirs.group(1))
        their_share = p0 / (1 - p0)
        check(abs(ours_share / their_share - 1) <= 0.15,
              "PureCN example: tumour copies per normal copy %.2f against PureCN's %.2f" % (ours_share, their_share))
    else:
        check(False, "PureCN example: both solutions printed")

checks.finish()
