#!/usr/bin/python3
"""bench/sig/cohorts.py's two scorings against values worked out by hand,
and the "published" design's floor of 10 expected mutations per signature."""
import os
import sys

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "bench", "sig"))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
import cohorts  # noqa: E402
from e2e_lib import check, finish  # noqa: E402

# Three signatures (rows), three samples (columns) of N = 100 mutations.
TRUTH = np.array([[0.5, 1.0, 1.0],
                  [0.5, 0.0, 0.0],
                  [0.0, 0.0, 0.0]])
EST = np.array([[55.0, 80.0, 5.0],
                [40.0, 12.0, 3.0],
                [5.0, 8.0, 2.0]])


def equal(what, got, want):
    check(abs(got - want) < 1e-12, f"{what}: {got!r}, by hand {want!r}")


def main():

    # Published scoring: estimates under 10 mutations are zeroed first.
    # Sample 1: |55-50| + |40-50| = 15, /200 = 0.075; TP 2, F1 1.
    # Sample 2: |80-100| + 12 = 32, /200 = 0.16; TP 1, FP 1 (12), F1 2/3.
    # Sample 3: all under 10, so |0-100| / 200 = 0.5; FN 1, F1 0.
    pub = cohorts.score_published(EST, TRUTH, 100)
    equal("published error", pub["error"], (0.075 + 0.16 + 0.5) / 3)
    equal("published FP", pub["FP"], 1 / 3)
    equal("published FN", pub["FN"], 1 / 3)
    equal("published F1", pub["F1_sample"], (1 + 2 / 3 + 0) / 3)

    # Our scoring: shares of each sample's estimates, nothing zeroed.
    # Sample 1: .05 + .10 + .05 = .2; 2: .2 + .12 + .08 = .4; 3: .5 + .3 + .2 = 1.
    # Pooled: TP 2+1+1 = 4, FP 1+2+2 = 5, FN 0, F1 = 8/13.
    ours = cohorts.score(EST, TRUTH)
    equal("TAE", ours["TAE"], (0.2 + 0.4 + 1.0) / 3)
    equal("FP per sample", ours["FP_per_sample"], 5 / 3)
    equal("FN per sample", ours["FN_per_sample"], 0.0)
    equal("F1 pooled", ours["F1"], 8 / 13)

    # The published design keeps only signatures expected to give >= 10
    # mutations (or the largest alone); shares still sum to 1.
    names, sigs, _ = cohorts.read_table(os.path.join(ROOT, "testdata", "signatures", "cosmic_v3.2_subset.tsv"))
    # The profiles cut to the subset's signatures.
    profiles = {t: {s: v for s, v in p.items() if s in names} for t, p in cohorts.CANCER_TYPES.items()}
    for n_mut in (100, 2000):
        _, truth, _ = cohorts.simulate(names, sigs, 200, n_mut, np.random.default_rng(5), "published", profiles)
        sums = [truth[:, s][truth[:, s] > 0].sum() for s in range(truth.shape[1])]
        check(all(abs(x - 1) < 1e-12 for x in sums), f"N={n_mut}: every sample's shares sum to 1")
        smallest = [truth[:, s][truth[:, s] > 0].min() for s in range(truth.shape[1])
                    if (truth[:, s] > 0).sum() > 1]
        check(min(smallest) * n_mut >= 10 - 1e-9,
              f"N={n_mut}: no signature beside others under 10 mutations (smallest {min(smallest) * n_mut:.2f})")
    finish()


if __name__ == "__main__":
    main()
