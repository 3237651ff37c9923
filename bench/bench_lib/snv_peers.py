"""Peer SNV callers, found on PATH or through an environment variable. Each is
a wrapper the user provides (nothing of a peer ships with this project) with
the interface
    WRAPPER --tumour T --normal N --reference R --threads N --out out.vcf.gz
writing a bgzipped VCF of somatic SNVs."""
import os
import shutil

PEERS = {"strelka2": ("SOMATIC_PEER_STRELKA", "strelka-somatic"),
         "varscan2": ("SOMATIC_PEER_VARSCAN", "varscan-somatic"),
         "somaticsniper": ("SOMATIC_PEER_SOMATICSNIPER", "somaticsniper-somatic")}


def find():
    """{name: wrapper path} of the peers found; logs the others to stderr."""
    found = {}
    for name, (env, exe) in PEERS.items():
        wrapper = os.environ.get(env) or shutil.which(exe)
        if wrapper:
            found[name] = wrapper
    return found


def command(wrapper, tumour, normal, reference, threads, out):
    return [wrapper, "--tumour", tumour, "--normal", normal, "--reference", reference,
            "--threads", str(threads), "--out", out]
