"""Peer SNV callers, found on PATH or through an environment variable. Each is
a wrapper the user provides (nothing of a peer ships with this project) with
the interface
    WRAPPER --tumour T --normal N --reference R --threads N --out out.vcf.gz
writing a bgzipped VCF of somatic SNVs. Strelka2's and VarScan2's wrappers
also take a folder to keep their run in (--keep-rundir, --keep-workdir);
their indel calls are read from there (`indel_calls`)."""
import glob
import os
import shutil
import subprocess

PEERS = {"strelka2": ("SOMATIC_PEER_STRELKA", "strelka-somatic"),
         "varscan2": ("SOMATIC_PEER_VARSCAN", "varscan-somatic"),
         "somaticsniper": ("SOMATIC_PEER_SOMATICSNIPER", "somaticsniper-somatic")}
KEEP_OPTION = {"strelka2": "--keep-rundir", "varscan2": "--keep-workdir"}


def find():
    """{name: wrapper path} of the peers found; logs the others to stderr."""
    found = {}
    for name, (env, exe) in PEERS.items():
        wrapper = os.environ.get(env) or shutil.which(exe)
        if wrapper:
            found[name] = wrapper
    return found


def command(wrapper, tumour, normal, reference, threads, out, name=None, keep=None):
    cmd = [wrapper, "--tumour", tumour, "--normal", normal, "--reference", reference,
           "--threads", str(threads), "--out", out]
    if keep and name in KEEP_OPTION:
        cmd += [KEEP_OPTION[name], keep]
    return cmd


def indel_calls(name, keep, out, reference):
    """Path of a VCF of the peer's somatic indels (written to `out` when it
    must be assembled), or None when the peer calls none. Strelka2: its
    results/variants/somatic.indels.vcf.gz (PASS is selected when scoring).
    VarScan2: the per-contig out.indel.vcf records with SS=2 (somatic), the
    selection its wrapper makes for SNVs through processSomatic, with the
    reference's ##contig lines added."""
    if name == "strelka2":
        path = os.path.join(keep, "results", "variants", "somatic.indels.vcf.gz")
        return path if os.path.exists(path) else None
    if name == "varscan2":
        parts = sorted(glob.glob(os.path.join(keep, "c*", "out.indel.vcf")),
                       key=lambda p: int(os.path.basename(os.path.dirname(p))[1:]))
        if not parts:
            return None
        with open(out, "w") as f:
            for i, part in enumerate(parts):
                for line in open(part):
                    if line.startswith("#CHROM") and i == 0:  # ##contig lines for bcftools
                        for fai in open(reference + ".fai"):
                            contig, length = fai.split("\t")[:2]
                            f.write(f"##contig=<ID={contig},length={length}>\n")
                    if line.startswith("#"):
                        if i == 0:
                            f.write(line)
                    elif "SS=2" in line.split("\t")[7].split(";"):
                        f.write(line)
        subprocess.run(["bgzip", "-f", out], check=True)
        return out + ".gz"
    return None
