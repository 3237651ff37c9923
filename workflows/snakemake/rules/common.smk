# Settings and the sample sheet, for the rules of ../Snakefile.
import csv
import os
import re

OUT = config.get("outdir", "results")
SHARDS = int(config["shards"])
if SHARDS < 1:
    raise ValueError("config: shards must be at least 1")
# somatic-scatter names shards PREFIX + the number from 1, zero-padded to 4
# digits (more when N has more).
SHARD_NAMES = [f"shard_{i:0{max(4, len(str(SHARDS)))}d}" for i in range(1, SHARDS + 1)]
THREADS = config.get("threads", {})
ARGS = config.get("args", {})


def read_resources(path):
    """step -> {cpus, memory_mb, runtime_min} from the resources table shared
    with the Nextflow pipeline (workflows/resources.tsv)."""
    with open(path) as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    return {r["step"]: {k: int(v) for k, v in r.items() if k != "step"} for r in csv.DictReader(lines, delimiter="\t")}


RESOURCES = read_resources(os.path.join(workflow.basedir, "..", "resources.tsv"))


def cpus(step, setting=None):
    """The step's threads: config `threads` if it has the setting (the step's
    name unless told), else the resources table's cpus."""
    return int(THREADS.get(setting or step, RESOURCES[step]["cpus"]))


def resources(step):
    """A rule's resources: memory and wall time (Snakemake's `runtime`, minutes)
    as SLURM and other cluster executors ask for them."""
    r = RESOURCES[step]
    return {"mem_mb": r["memory_mb"], "runtime": r["runtime_min"]}


# The gene annotation (GFF3) for bcftools csq and the report; empty: none.
ANNOTATION = config.get("annotation") or ""

# The microsatellites somatic-msi tests (BED of somatic-msi scan, made once
# for the pairs' reference); empty: each pair's msi job scans its reference.
MSI_SITES = config.get("msi_sites") or ""

# Where the tools are: config bin_dir, or PATH when it is empty.
BIN = os.path.join(config["bin_dir"], "") if config.get("bin_dir") else ""


def read_sample_sheet(path):
    """Tab-separated, one row per pair: pair, tumour, normal and optionally
    reference (else config reference). Lines starting with # are comments."""
    with open(path) as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    missing = {"pair", "tumour", "normal"} - set(rows[0] if rows else {})
    if not rows or missing:
        raise ValueError(f"{path}: needs a header with pair, tumour, normal (missing {sorted(missing)}) and a row per pair")
    pairs = {}
    for r in rows:
        pair = r["pair"] or ""
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", pair):
            raise ValueError(f"{path}: pair id '{pair}' must be letters, digits, _ . - (not starting with _ . -)")
        if pair in ("cohort", "logs"):
            raise ValueError(f"{path}: pair id '{pair}' is reserved for the cohort's results")
        if pair in pairs:
            raise ValueError(f"{path}: pair '{pair}' appears twice")
        if not r["tumour"] or not r["normal"]:
            raise ValueError(f"{path}: pair '{pair}' needs a tumour and a normal")
        r["reference"] = r.get("reference") or config.get("reference") or ""
        if not r["reference"]:
            raise ValueError(f"{path}: pair '{pair}' has no reference column and config has no reference")
        pairs[pair] = r
    return pairs


PAIRS = read_sample_sheet(config["samples"])


def pair_input(key):
    """An input function: the sample sheet's `key` of the job's pair."""
    return lambda w: PAIRS[w.pair][key]
