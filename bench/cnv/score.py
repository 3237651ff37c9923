#!/usr/bin/python3
"""Scores somatic-cnv calls against bench/simulate's truth.

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
import sys


def read_truth(path):
    segs = []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c, s, e, total, major, minor = line.split("\t")[:6]
            segs.append((c, int(s), int(e), int(total), int(major), int(minor)))
    return segs


def read_calls(path):
    segs, header = [], {}
    with open(path) as f:
        names = None
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("##"):
                if "=" in line:
                    k, v = line[2:].split("=", 1)
                    header.setdefault(k, v)
                continue
            fields = line.split("\t")
            if line.startswith("#"):
                names = [n.lstrip("#") for n in fields]
                continue
            r = dict(zip(names, fields))

            def num(k):
                return int(r[k]) if r.get(k, "NA") not in ("NA", ".", "") else None

            segs.append((r["chrom"], int(r["start"]), int(r["end"]), num("total_cn"), num("major_cn"), num("minor_cn")))
    return segs, header


def true_breakpoints(truth, min_event):
    out = []  # (contig, position, in_scope)
    for a, b in zip(truth, truth[1:]):
        if a[0] != b[0] or a[3:6] == b[3:6]:
            continue
        events = [s for s in (a, b) if s[4:6] != (1, 1) or s[3] != 2]
        in_scope = any(s[2] - s[1] >= min_event for s in events)
        out.append((a[0], a[2], in_scope))
    return out


def called_breakpoints(calls):
    out = []
    for a, b in zip(calls, calls[1:]):
        if a[0] == b[0]:
            out.append((a[0], (a[2] + b[1]) // 2))
    return out


def match(truth_bps, called_bps, tolerance):
    """One-to-one matching, nearest pairs first; returns the set of matched
    truth indices and the set of matched call indices."""
    pairs = []
    for i, (tc, tp, _) in enumerate(truth_bps):
        for j, (cc, cp) in enumerate(called_bps):
            if tc == cc and abs(tp - cp) <= tolerance:
                pairs.append((abs(tp - cp), i, j))
    pairs.sort()
    mt, mc = set(), set()
    for _, i, j in pairs:
        if i not in mt and j not in mc:
            mt.add(i)
            mc.add(j)
    return mt, mc


def cn_accuracy(truth, calls):
    total = right_total = right_allelic = 0
    for c, s, e, t, ma, mi in truth:
        total += e - s
        for cc, cs, ce, ct, cma, cmi in calls:
            if cc != c:
                continue
            lo, hi = max(s, cs), min(e, ce)
            if lo >= hi:
                continue
            if ct == t:
                right_total += hi - lo
                if (cma, cmi) == (ma, mi):
                    right_allelic += hi - lo
    return right_total / total, right_allelic / total


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

    truth = read_truth(a.sim_dir + "/truth.cn.bed")
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
