#!/usr/bin/python3
"""Scores somatic-cnv calls against sim/simulate's truth.

Usage: bench/cnv/score.py CALLS.bed SIM_DIR [--bin-size 1000] [--min-event 50000] [--tolerance 2]

Reads SIM_DIR/truth.cn.bed (chrom start end total_cn major_cn minor_cn ...)
and SIM_DIR/truth.purity_ploidy.tsv, and the calls' BED with its
##purity= and ##ploidy= header lines. Prints one tab-separated line of
figures (with --header, the column names first):

- breakpoints: a true breakpoint is a boundary between two truth segments
  whose (total, major, minor) differ. It is "in scope" when a copy-number
  event (a segment that is not 1+1) next to it is at least --min-event bp
  long. A called breakpoint is a boundary between two consecutive called
  segments of a contig (the middle of the gap when they do not touch). Calls
  and truth are matched one to one, nearest first, within --tolerance bins.
  Recall is over the in-scope true breakpoints; precision counts a called
  breakpoint as right when it matches any true breakpoint (an event under
  --min-event that was found is not held against the caller).
- total / allelic: the fraction of the truth's bases whose called total copy
  number (and major and minor) equals the truth's; bases without a call
  count as wrong.
- purity and ploidy: called minus true.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from bench_lib.cnv import (called_breakpoints, match, read_called_segments,  # noqa: E402
                           read_truth_segments, score_states, true_breakpoints)


def read_calls(path):
    """The called segments and the ##key=value header lines (purity, ploidy)."""
    header = {}
    for line in open(path):
        if line.startswith("##") and "=" in line:
            k, v = line[2:].rstrip("\n").split("=", 1)
            header.setdefault(k, v)
    return read_called_segments(path), header


def cn_accuracy(truth, calls):
    states = score_states(truth, calls)
    return states["total_cn_right"], states["allelic_cn_right"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("calls")
    ap.add_argument("sim_dir")
    ap.add_argument("--bin-size", type=int, default=1000)
    ap.add_argument("--min-event", type=int, default=50000)
    ap.add_argument("--tolerance", type=float, default=2, help="in bins")
    ap.add_argument("--header", action="store_true")
    ap.add_argument("--detail", action="store_true", help="list every breakpoint on standard error")
    a = ap.parse_args()

    truth = read_truth_segments(a.sim_dir + "/truth.cn.bed")
    with open(a.sim_dir + "/truth.purity_ploidy.tsv") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    tp = dict(zip(rows[0], rows[1]))
    calls, header = read_calls(a.calls)

    tbps = true_breakpoints(truth, a.min_event)
    cbps = called_breakpoints(calls)
    mt, mc = match(tbps, cbps, a.tolerance * a.bin_size)
    scope = [i for i, b in enumerate(tbps) if b[2]]
    recall = sum(1 for i in scope if i in mt) / len(scope) if scope else float("nan")
    recall_all = len(mt) / len(tbps) if tbps else float("nan")
    precision = len(mc) / len(cbps) if cbps else float("nan")
    if a.detail:
        for i, (c, p, s) in enumerate(tbps):
            near = min((abs(p - cp) for cc, cp in cbps if cc == c), default=None)
            print("truth %s:%d %s nearest call %s bp %s" % (c, p, "in-scope" if s else "small",
                                                            near, "matched" if i in mt else "MISSED"), file=sys.stderr)
        for j, (c, p) in enumerate(cbps):
            if j not in mc:
                print("false call %s:%d" % (c, p), file=sys.stderr)
    acc_total, acc_allelic = cn_accuracy(truth, calls)
    purity = float(header.get("purity", "nan"))
    ploidy = float(header.get("ploidy", "nan"))
    cols = ["true_bps", "in_scope", "called_bps", "recall", "recall_all", "precision",
            "total_cn_right", "allelic_cn_right", "purity", "purity_err", "ploidy", "ploidy_err"]
    vals = [len(tbps), len(scope), len(cbps), "%.3f" % recall, "%.3f" % recall_all, "%.3f" % precision,
            "%.3f" % acc_total, "%.3f" % acc_allelic, "%.2f" % purity, "%+.2f" % (purity - float(tp["purity"])),
            "%.2f" % ploidy, "%+.2f" % (ploidy - float(tp["ploidy"]))]
    if a.header:
        print("\t".join(cols))
    print("\t".join(str(v) for v in vals))


if __name__ == "__main__":
    main()
