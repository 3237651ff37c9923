"""Reading reference sequence (plain or gzip/bgzip FASTA) and writing FASTA.

Sequences are numpy uint8 arrays of upper-case ASCII (A, C, G, T, N), so a
100 Mb genome costs 100 MB and can be written with a single tobytes().
Any other letter (IUPAC codes) becomes N: the simulator never mutates or
samples reads from N.
"""
import gzip
import os
import re
import subprocess

import numpy as np

# Upper-case ACGT, everything else (including IUPAC ambiguity codes) -> N.
_CLEAN = np.full(256, ord("N"), dtype=np.uint8)
for _b in b"ACGT":
    _CLEAN[_b] = _b
    _CLEAN[_b + 32] = _b  # soft-masked lower case


def clean(raw):
    """bytes -> uint8 array of A/C/G/T/N."""
    return _CLEAN[np.frombuffer(raw, dtype=np.uint8)]


def parse_regions(text):
    """'20:10000001-15000000,21' -> [(contig, beg0 or None, end or None)].

    Region coordinates follow samtools: 1-based, inclusive; they are
    returned 0-based half-open.
    """
    out = []
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        m = re.fullmatch(r"(.+):([\d,_]+)-([\d,_]+)", item)
        if m:
            beg = int(m.group(2).replace("_", ""))
            end = int(m.group(3).replace("_", ""))
            if beg < 1 or end < beg:
                raise ValueError(f"bad region {item!r}")
            out.append((m.group(1), beg - 1, end))
        else:
            out.append((item, None, None))
    return out


def region_name(contig, beg, end):
    """Contig name of a cut region: '<contig>_<beg0>_<end>' (BED-style).

    Local 0-based position p of the cut contig is position beg0 + p of the
    original contig, so users can map everything back.
    """
    if beg is None:
        return contig
    return f"{contig}_{beg}_{end}"


def _is_gzip(path):
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _faidx_usable(path):
    # samtools faidx would try to write a missing .fai/.gzi next to the
    # input (possibly a system directory), so only use it when they exist.
    if not os.path.exists(path + ".fai"):
        return False
    return not _is_gzip(path) or os.path.exists(path + ".gzi")


def _fai_lengths(path):
    lengths = {}
    with open(path + ".fai") as fh:
        for line in fh:
            f = line.split("\t")
            lengths[f[0]] = int(f[1])
    return lengths


def _read_with_faidx(path, regions):
    lengths = _fai_lengths(path)
    out = []
    for contig, beg, end in regions:
        if contig not in lengths:
            raise ValueError(f"contig {contig!r} not in {path}")
        if beg is None:
            beg, end, full = 0, lengths[contig], True
        else:
            full = False
        if end > lengths[contig]:
            raise ValueError(f"region {contig}:{beg + 1}-{end} beyond contig end {lengths[contig]}")
        res = subprocess.run(["samtools", "faidx", path, f"{contig}:{beg + 1}-{end}"],
                             check=True, stdout=subprocess.PIPE)
        body = res.stdout.split(b"\n", 1)[1].replace(b"\n", b"")
        out.append((region_name(contig, None if full else beg, end), clean(body)))
    return out


def _read_streaming(path, regions):
    """Whole-file scan; keeps only the contigs that regions ask for."""
    wanted = {c for c, _, _ in regions}
    opener = gzip.open if _is_gzip(path) else open
    seqs, name, chunks = {}, None, []
    with opener(path, "rb") as fh:
        for line in fh:
            if line.startswith(b">"):
                if name in wanted:
                    seqs[name] = b"".join(chunks)
                name = line[1:].split()[0].decode()
                chunks = []
            elif name in wanted:
                chunks.append(line.rstrip(b"\r\n"))
        if name in wanted:
            seqs[name] = b"".join(chunks)
    out = []
    for contig, beg, end in regions:
        if contig not in seqs:
            raise ValueError(f"contig {contig!r} not in {path}")
        raw = seqs[contig]
        if beg is None:
            out.append((contig, clean(raw)))
        else:
            if end > len(raw):
                raise ValueError(f"region {contig}:{beg + 1}-{end} beyond contig end {len(raw)}")
            out.append((region_name(contig, beg, end), clean(raw[beg:end])))
    return out


def read_reference(path, regions):
    """[(name, uint8 array)] for each region (see parse_regions)."""
    if _faidx_usable(path):
        return _read_with_faidx(path, regions)
    return _read_streaming(path, regions)


def all_contigs(path):
    """Contig names in file order (for a reference given without --regions)."""
    if os.path.exists(path + ".fai"):
        return list(_fai_lengths(path))
    opener = gzip.open if _is_gzip(path) else open
    with opener(path, "rb") as fh:
        return [ln[1:].split()[0].decode() for ln in fh if ln.startswith(b">")]


def write_fasta(path, records, width=60):
    """Write [(name, uint8 array)] as FASTA with fixed line width."""
    with open(path, "wb") as fh:
        for name, seq in records:
            fh.write(b">" + name.encode() + b"\n")
            n = len(seq)
            full = n // width
            if full:
                block = np.empty((full, width + 1), dtype=np.uint8)
                block[:, :width] = seq[: full * width].reshape(full, width)
                block[:, width] = ord("\n")
                fh.write(block.tobytes())
            if n % width:
                fh.write(seq[full * width:].tobytes() + b"\n")
