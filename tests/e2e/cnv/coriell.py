"""Optional: `somatic-cnv segment` on the array-CGH data of Coriell GM05296
and GM13330 (DNAcopy's example) recovers the known events. Reads
../shared/data relative to the repository (or $SOMATIC_SHARED_DATA) and is
skipped when that data is absent."""
import os
import sys

from cnv_test_util import SKIP, Checks, read_bed, run

source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
shared = os.environ.get("SOMATIC_SHARED_DATA", os.path.join(source, "..", "shared", "data"))
table = os.path.join(shared, "copynumber", "dnacopy_coriell", "coriell.tsv")
if not os.path.exists(table):
    print("%s is absent: skipped" % table)
    sys.exit(SKIP)

checks = Checks()


def segments(column):
    _, out, _ = run(["segment", table, "--column", column, "--position-scale", "1000", "--sort"])
    return [(r["chrom"], int(r["start"]) / 1e6, int(r["end"]) / 1e6, float(r["log2"])) for r in read_bed(out)]


def find(segs, chrom, beg, end, sign):
    """The run of adjacent segments of `chrom` with means of this sign beyond
    0.3 (DNAcopy, too, may cut an event in two) that covers most of [beg, end) Mb."""
    runs, current = [], None
    for c, s, e, m in segs:
        if c == chrom and m * sign > 0.3:
            current = [current[0], e] if current else [s, e]
        else:
            if current:
                runs.append(tuple(current))
            current = None
    if current:
        runs.append(tuple(current))
    for s, e in runs:
        if min(e, end) - max(s, beg) > 0.5 * (end - beg):
            return (s, e)
    return None


g05296 = segments("Coriell.05296")
gain = find(g05296, "10", 65, 110, +1)
checks.check(gain is not None and abs(gain[0] - 65) < 1.5 and abs(gain[1] - 110) < 1.5,
             "GM05296: gain of chr10 ~65-110 Mb: %s" % (gain,))
loss = find(g05296, "11", 35.4, 39.6, -1)
checks.check(loss is not None and abs(loss[0] - 35.4) < 1 and abs(loss[1] - 39.6) < 1,
             "GM05296: loss of chr11 ~35.4-39.6 Mb: %s" % (loss,))
other = [s for s in g05296 if abs(s[3]) > 0.3 and s[0] not in ("10", "11", "23")]
checks.check(not other, "GM05296: no other event beyond |log2| 0.3 on the autosomes: %s" % other)

g13330 = segments("Coriell.13330")
gain = find(g13330, "1", 156.7, 240, +1)
checks.check(gain is not None and abs(gain[0] - 156.7) < 1.5, "GM13330: gain of 1q from ~156.7 Mb: %s" % (gain,))
loss = [s for s in g13330 if s[0] == "4" and s[3] < -0.3]
checks.check(bool(loss) and loss[-1][2] > 180, "GM13330: distal 4q loss: %s" % loss)
other = [s for s in g13330 if abs(s[3]) > 0.3 and s[0] not in ("1", "4", "23")]
checks.check(not other, "GM13330: no other event beyond |log2| 0.3: %s" % other)
checks.finish()
