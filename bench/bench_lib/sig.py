"""Signature scoring: a fitted exposures table against the simulator's
truth.exposures.tsv (the SNVs it drew from each signature)."""
import math


def read_truth(path):
    """{signature: fraction} from truth.exposures.tsv (signature, count, fraction)."""
    out = {}
    for line in list(open(path))[1:]:
        name, count, _ = line.rstrip("\n").split("\t")
        out[name] = float(count)
    total = sum(out.values())
    return {k: v / total for k, v in out.items()}


SUMMARY_COLUMNS = {"Mutations", "Cosine", "Unexplained", "ExpectedUnexplained"}


def read_exposures(path, sample=0):
    """{signature: count} of one row of an exposures table (somatic-sig fit's
    layout, or MutationalPatterns' contribution matrix transposed: a sample
    column then one column per signature). Summary and interval columns are
    skipped; the row is the sample'th."""
    lines = [l.rstrip("\n").split("\t") for l in open(path) if l.strip() and not l.startswith("##")]
    header, row = lines[0], lines[1 + sample]
    out = {}
    for name, value in zip(header[1:], row[1:]):
        if name in SUMMARY_COLUMNS or "_lo" in name or "_hi" in name or name.endswith("%"):
            continue
        out[name] = float(value)
    return out


def score(estimated_counts, truth_fractions, present=1e-9):
    """TAE of the relative exposures (sum over signatures of |estimated -
    true| fraction), signatures reported but absent from the truth (false
    positives), true ones not reported (false negatives), F1 of the active set,
    and the cosine similarity of the exposure vectors."""
    total = sum(estimated_counts.values())
    est = {k: v / total for k, v in estimated_counts.items()} if total > 0 else {}
    names = set(est) | set(truth_fractions)
    tae = sum(abs(est.get(n, 0.0) - truth_fractions.get(n, 0.0)) for n in names)
    reported = {n for n, v in est.items() if v > present}
    true = {n for n, v in truth_fractions.items() if v > 0}
    tp = len(reported & true)
    fp, fn = len(reported - true), len(true - reported)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")
    dot = sum(est.get(n, 0.0) * truth_fractions.get(n, 0.0) for n in names)
    norm = math.sqrt(sum(v * v for v in est.values()) * sum(v * v for v in truth_fractions.values()))
    return {"tae": tae, "fp_signatures": fp, "fn_signatures": fn, "f1": f1,
            "exposure_cosine": dot / norm if norm else float("nan"),
            "reported": ",".join(sorted(reported))}
