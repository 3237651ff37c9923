"""Output formats, indexes, streaming and a closed pipe."""
import os
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch

pair = os.path.join(TESTDATA, "pair2")
out = scratch()
base = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
        "--reference", f"{pair}/ref.fa"]

run(base + ["-o", f"{out}/a.vcf.gz"])
check(os.path.exists(f"{out}/a.vcf.gz.tbi"), "-o x.vcf.gz writes a .tbi index")
run(base + ["-O", "b", "-o", f"{out}/a.bcf"])
check(os.path.exists(f"{out}/a.bcf.csi"), "-O b writes a .csi index")
view = run(["bcftools", "view", "-H", "-r", "chr1:1-60000", f"{out}/a.vcf.gz"])
plain = run(base).stdout
check(len(view.stdout.splitlines()) == len([l for l in plain.splitlines() if not l.startswith("#")]),
      "the indexed bgzipped VCF holds the same records as standard output")
check(not [f for f in os.listdir(out) if ".tmp" in f], "no temporary files are left behind")
check("##somatic-snvCommand=" in plain and "##source=somatic-snv" in plain, "provenance lines by default")
check("##somatic-snvCommand=" not in run(base + ["--no-version"]).stdout, "--no-version leaves them out")

# Same BAM as tumour and normal: nothing can be somatic.
same = run([binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/tumour.bam",
            "--reference", f"{pair}/ref.fa"])
check(not [l for l in same.stdout.splitlines() if not l.startswith("#") and l.split("\t")[6] == "PASS"],
      "the same reads as tumour and normal give no PASS call")

# A downstream `head` closes the pipe: the program ends quietly. (1 kb chunks
# and given priors: written chunk by chunk while head has long closed.)
given = ["--somatic-prior", "1e-6", "--orientation-artefact-rate", "1e-3", "--strand-artefact-rate", "1e-3",
         "--shared-prior", "1e-8"]
p = subprocess.Popen(" ".join(base + ["--chunk-size", "1000"] + given) + " | head -n 3", shell=True,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
stdout, stderr = p.communicate()
check(len(stdout.splitlines()) == 3 and stderr == "", f"a closed pipe ends quietly (stderr: {stderr!r})")

# A full disk fails loudly, with no output file left under the final name.
full = run(base + ["-o", "/dev/full"], check=False)
check(full.returncode == 1 and "/dev/full" in full.stderr, f"a full disk is an error ({full.stderr.strip()})")
finish()
