"""Readers of the simulator's output files for its checks, written apart
from the simulator's own code so that they check it independently."""
import gzip


def read_fasta(path):
    """{contig name: sequence} of a FASTA file."""
    seqs, name, parts = {}, None, []
    with open(path) as fh:
        for line in fh:
            if line.startswith(">"):
                if name:
                    seqs[name] = "".join(parts)
                name, parts = line[1:].split()[0], []
            else:
                parts.append(line.strip())
    seqs[name] = "".join(parts)
    return seqs


def read_vcf(path):
    """The records of a bgzipped VCF: chrom, pos (1-based), ref, alt, info
    (a flag is True) and the first sample's FORMAT values (or None)."""
    rows = []
    with gzip.open(path, "rt") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            info = {}
            for kv in f[7].split(";"):
                k, _, v = kv.partition("=")
                info[k] = v if v else True
            rows.append({"chrom": f[0], "pos": int(f[1]), "ref": f[3], "alt": f[4],
                         "info": info, "gt": f[9] if len(f) > 9 else None})
    return rows
