"""The man page and --help say the same thing: every option the man page
documents is in the --help of some subcommand, and every option of every
subcommand's --help is in the man page."""
import os
import re

from cnv_test_util import Checks, run

source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
with open(os.path.join(source, "man", "somatic-cnv.1")) as f:
    man = f.read().replace("\\-", "-")
documented = set(re.findall(r"(--[a-z][a-z0-9-]+)", man))

helped = set()
checks = Checks()
for command in ("run", "bins", "ratio", "baf", "segment", "fit"):
    rc, out, _ = run([command, "--help"], check=False)
    checks.check(rc == 0, "somatic-cnv %s --help exits 0" % command)
    options = set(re.findall(r"^\s+(?:-\w \[ )?(--[a-z][a-z0-9-]+)", out, re.M))
    options |= set(re.findall(r"-\w \[ (--[a-z][a-z0-9-]+) \]", out))
    helped |= options
    missing = sorted(options - documented)
    checks.check(not missing, "%s: options missing from the man page: %s" % (command, missing))
undocumented_in_help = sorted(documented - helped - {"--version"})
checks.check(not undocumented_in_help, "man page options no --help lists: %s" % undocumented_in_help)
checks.finish()
