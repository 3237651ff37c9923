"""Copy-number layouts with and without the genomic scars of homologous-
recombination deficiency (--cn-layout hrd | hrp).

HR-deficient tumours repair double-strand breaks by error-prone routes and
leave many large-scale state transitions (Popova 2012), LOH regions longer
than 15 Mb (Abkevich 2012) and allelic imbalance that reaches the telomeres
(Birkbak 2012). The deficient layout ("hrd") scars 60% of the contigs of
40 Mb or more: it cuts each into pieces of 10-30 Mb and gives about 60% of
the pieces another state than 1+1 (LOH 1+0 or 2+0, gains 2+1 and 3+1), each
different from its neighbour's, so that transitions, long LOH and telomeric
imbalance abound; on the human chromosomes this gives HRD sums of roughly
50-100, the range of HR-deficient tumours (Telli 2016: >= 42).

The proficient layout ("hrp") has copy-number changes that the scores do
not count: whole-contig gains and losses (no transition, and LOH of a whole
chromosome is left out) and focal events of 0.5-2.5 Mb at least 5 Mb from
the contig ends (smoothed away before LST, too short for LOH, reaching no
telomere). Real HR-proficient tumours also have arm-level events and
score above 0: given the contigs' centromeres, 30% of the proficient
contigs instead lose, gain or lose the heterozygosity of one whole arm
(from within 2 Mb of the centromere to the telomere), which counts towards
LOH and TAI but makes no large-scale transition. Without centromeres (the
simulator's synthetic contigs) the layout is the clean contrast.

Sizes are absolute (the scores' thresholds are in Mb): contigs shorter than
40 Mb keep 1+1 in both layouts, so the layouts need human-sized contigs.
"""

DEFICIENT_STATES = [(1, 0), (2, 0), (2, 1), (3, 1)]
FOCAL_STATES = [(2, 1), (1, 0), (3, 1), (2, 0)]


def _oriented(rng, major, minor):
    """(hapA, hapB): the major copy on a random haplotype."""
    return (major, minor) if rng.random() < 0.5 else (minor, major)


ARM_STATES = [(1, 0), (2, 1), (2, 0)]


def hrd_layout(rng, lengths, offsets, deficient, centromeres=None):
    """Events [(gstart, gend, cn_a, cn_b, kind)] in global coordinates for
    contigs of `lengths` starting at `offsets`; unlisted stretches are 1+1.
    `centromeres`: (beg, end) per contig, or None, for the proficient
    layout's arm-level events."""
    events = []
    for ci, length in enumerate(int(x) for x in lengths):
        off = int(offsets[ci])
        if length < 40_000_000:
            continue
        if deficient:
            if rng.random() >= 0.6:
                continue  # an intact chromosome
            pos, previous = 0, (1, 1)
            while pos < length:
                end = min(length, pos + int(rng.uniform(10e6, 30e6)))
                if length - end < 10_000_000:
                    end = length  # no stub under 10 Mb at the telomere
                if rng.random() < 0.6:
                    choices = [s for s in DEFICIENT_STATES if s != previous]
                    state = choices[int(rng.integers(0, len(choices)))]
                else:
                    state = (1, 1)
                if state != (1, 1):
                    events.append((off + pos, off + end, *_oriented(rng, *state), "hrd"))
                previous = state
                pos = end
            continue
        cen = centromeres[ci] if centromeres else None
        if cen and rng.random() < 0.3:
            state = ARM_STATES[int(rng.integers(0, len(ARM_STATES)))]
            if rng.random() < 0.5:
                beg, end = 0, int(cen[0]) - int(rng.integers(0, 2_000_000))
            else:
                beg, end = int(cen[1]) + int(rng.integers(0, 2_000_000)), length
            if end - beg >= 10_000_000:
                events.append((off + beg, off + end, *_oriented(rng, *state), "arm"))
                continue
        r = rng.random()
        if r < 0.25:
            events.append((off, off + length, *_oriented(rng, 2, 1), "whole-gain"))
            continue
        if r < 0.35:
            events.append((off, off + length, *_oriented(rng, 1, 0), "whole-loss"))
            continue
        # Up to two focal events, apart from the ends and from each other.
        taken = []
        for _ in range(int(rng.integers(0, 3))):
            size = int(rng.uniform(0.5e6, 2.5e6))
            s = int(rng.integers(5_000_000, length - 5_000_000 - size))
            if any(s < e + 5_000_000 and b < s + size + 5_000_000 for b, e in taken):
                continue
            taken.append((s, s + size))
            state = FOCAL_STATES[int(rng.integers(0, len(FOCAL_STATES)))]
            events.append((off + s, off + s + size, *_oriented(rng, *state), "focal"))
    return sorted(events)
