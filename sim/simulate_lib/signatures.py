"""SBS96 channels, COSMIC signature tables and the built-in spectrum.

Channels follow COSMIC's order and naming: substitution type C>A, C>G, C>T,
T>A, T>C, T>G (pyrimidine reference base), then 5' base A,C,G,T, then 3'
base A,C,G,T, e.g. A[C>A]A is channel 0 and T[T>G]T channel 95.

Tables are read in COSMIC's layout (first column `Type` or `MutationType`
with rows like A[C>A]A, one column per signature) or MutationalPatterns'
layout (`Type` = C>A plus `Subtype` = ACA). Columns are renormalised to
sum to 1 (published tables are rounded).

Without --signatures the simulator uses a built-in generic spectrum of two
hand-made profiles (no external file needed):
  BUILTIN_CPG   95% C>T at CpG (N[C>T]G, spread evenly over the 4 5' bases),
                5% flat over the other channels - clock-like, SBS1-ish;
  BUILTIN_FLAT  broad, SBS5-ish: by type C>A .12, C>G .08, C>T .32,
                T>A .10, T>C .28, T>G .10, flat within each type.
Default exposures: BUILTIN_CPG:0.3,BUILTIN_FLAT:0.7.
"""
import numpy as np

from .genome import CODE

TYPES = ["C>A", "C>G", "C>T", "T>A", "T>C", "T>G"]
BASES = "ACGT"
CHANNELS = [f"{f}[{t}]{t3}" for t in TYPES for f in BASES for t3 in BASES]
CHANNEL_INDEX = {c: i for i, c in enumerate(CHANNELS)}
DEFAULT_EXPOSURES = "BUILTIN_CPG:0.3,BUILTIN_FLAT:0.7"


def channel_parts(ch):
    """channel index -> (ref pyrimidine, alt, 5' base, 3' base) as str."""
    t = TYPES[ch // 16]
    return t[0], t[2], BASES[(ch % 16) // 4], BASES[ch % 4]


def context_of_channel(ch):
    """Folded trinucleotide context index 0..31 (C-centred 0..15, T 16..31)."""
    return (0 if ch < 48 else 16) + ch % 16


def builtin_table():
    cpg = np.full(96, 0.05 / 92)
    for five in range(4):
        cpg[2 * 16 + five * 4 + 2] = 0.95 / 4  # N[C>T]G
    flat = np.repeat([0.12, 0.08, 0.32, 0.10, 0.28, 0.10], 16) / 16
    return ["BUILTIN_CPG", "BUILTIN_FLAT"], np.stack([cpg, flat], axis=1)


def load_table(path):
    """(signature names, 96 x S matrix in CHANNELS order, columns sum to 1)."""
    with open(path) as fh:
        rows = [ln.rstrip("\r\n").split("\t") for ln in fh if ln.strip()]
    header, body = rows[0], rows[1:]
    first = header[0].strip().lower()
    if first not in ("type", "mutationtype", "mutation type"):
        raise ValueError(f"{path}: first column must be Type or MutationType")
    if len(header) > 1 and header[1].strip().lower() == "subtype":
        # MutationalPatterns layout: Type=C>A, Subtype=ACA
        keys = [f"{r[1][0]}[{r[0]}]{r[1][2]}" for r in body]
        names, cols = header[2:], [r[2:] for r in body]
    else:
        keys = [r[0] for r in body]
        names, cols = header[1:], [r[1:] for r in body]
    if sorted(keys) != sorted(CHANNELS):
        raise ValueError(f"{path}: rows are not the 96 SBS channels")
    mat = np.zeros((96, len(names)))
    for key, vals in zip(keys, cols):
        mat[CHANNEL_INDEX[key]] = [float(v) for v in vals]
    mat /= mat.sum(axis=0, keepdims=True)
    return names, mat


def parse_exposures(text, names):
    """'SBS1:0.3,SBS5:0.5' -> (list of names, normalised weights)."""
    sel, weights = [], []
    for item in text.split(","):
        if not item.strip():
            continue
        name, _, w = item.partition(":")
        name = name.strip()
        if name not in names:
            raise ValueError(f"signature {name!r} not in the table (have: {', '.join(names[:10])}...)")
        sel.append(name)
        weights.append(float(w) if w else 1.0)
    weights = np.array(weights)
    if not len(sel) or (weights < 0).any() or weights.sum() <= 0:
        raise ValueError("exposures must name signatures with non-negative weights")
    return sel, weights / weights.sum()


def folded_contexts(seq):
    """Per-position folded context index 0..31, or 255 where undefined.

    The trinucleotide around each base is read on the strand where the
    centre base is a pyrimidine (purine-centred ones are reverse
    complemented), as COSMIC does. Undefined at contig ends is the
    caller's business (genome.edge_mask); N anywhere gives 255.
    """
    code = CODE[seq]
    out = np.full(len(seq), 255, dtype=np.uint8)
    if len(seq) < 3:
        return out
    five, mid, three = code[:-2], code[1:-1], code[2:]
    ok = (five < 4) & (mid < 4) & (three < 4)
    purine = (mid == 0) | (mid == 2)
    # reverse complement of (5', mid, 3') is (comp 3', comp mid, comp 5')
    f = np.where(purine, 3 - three, five)
    m = np.where(purine, 3 - mid, mid)
    t = np.where(purine, 3 - five, three)
    # uint8 arithmetic throughout (max 31): a 100 Mb genome needs ~100 MB per temporary
    ctx = np.where(m == 1, np.uint8(0), np.uint8(16)) + f * np.uint8(4) + t
    out[1:-1] = np.where(ok, ctx, np.uint8(255))
    return out
