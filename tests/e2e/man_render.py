"""Every manual page renders without a warning.

groff drops text it cannot place and reads a source line that starts with
'.' or "'" as a request: a sentence whose line starts ".cnr)" is silently
lost. Rendering each page with every warning on (-ww) and the output
thrown away (-z), any message on stderr is a page that does not say what
its source says. groff comes from Debian's groff-base (scripts/test.sh
installs it)."""
import glob
import os
import shutil
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import check, finish, run

source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
groff = shutil.which("groff")
if groff is None:
    print("FAIL: groff is not installed (Debian package groff-base)")
    sys.exit(1)
pages = sorted(glob.glob(os.path.join(source, "man", "*.[1-9]")))
check(len(pages) >= 5, f"the manual pages are found ({len(pages)})")
for page in pages:
    name = os.path.basename(page)
    with open(page) as f:
        text = f.read()
    args = [groff, "-ww", "-z", "-man"] + (["-t"] if "\n.TS" in text else []) + [page]
    result = run(args, check=False)
    check(result.returncode == 0 and result.stderr == "", f"{name} renders without a warning: {result.stderr.strip()}")
finish()
