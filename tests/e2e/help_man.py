"""One tool's --help and its manual page say the same thing.

Usage: help_man.py TOOL  (somatic-snv, somatic-cnv, somatic-sig, somatic-scatter)

Every option any --help of the tool lists (the tool's own, or each
subcommand's for a tool of subcommands) is in man/TOOL.1, and every option the
man page names outside its EXAMPLES is in some --help. Where the man page has a section (.SS) named
after a subcommand, that section and a "common options" section hold exactly
that subcommand's options (titles match exactly: somatic-cnv's option group
"Bins" is not its command "bins"). `TOOL --version` prints the tool's name and the
project's version."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import binary, check, finish, run

tool = sys.argv[1]
exe = binary(tool)
source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
man = open(os.path.join(source, "man", tool + ".1")).read().replace("\\-", "-")


def help_options(text):
    """The options of a boost::program_options listing: the option column only,
    '  -T [ --tumour ] BAM' or '  --tumour-name NAME'."""
    return set(re.findall(r"^\s+(?:-\w \[ )?--([a-z][a-z0-9-]+)", text, re.M))


top = run([exe, "--help"], check=False)
check(top.returncode == 0, f"{tool} --help exits 0")
commands = []
if "Commands:" in top.stdout:
    block = top.stdout.split("Commands:", 1)[1]
    commands = re.findall(r"^  ([a-z]+) ", block, re.M)
    check(commands, f"{tool} --help lists its commands")

helped = {}  # command ("" for a tool without commands) -> its options
if commands:
    for c in commands:
        r = run([exe, c, "--help"], check=False)
        check(r.returncode == 0, f"{tool} {c} --help exits 0")
        helped[c] = help_options(r.stdout) | {"help"}
else:
    helped[""] = help_options(top.stdout)
everything = set().union(*helped.values()) | {"help", "version"}

documented = set(re.findall(r"--([a-z][a-z0-9-]+)", man))
# Examples may show other programs' command lines, so the options there are
# not held against this tool's --help.
examples = re.search(r"^\.SH EXAMPLES?\n(.*?)(?=^\.SH |\Z)", man, re.M | re.S)
outside_examples = man.replace(examples.group(1), "") if examples else man
named = set(re.findall(r"--([a-z][a-z0-9-]+)", outside_examples))
for c, options in helped.items():
    missing = sorted(options - documented)
    check(not missing, f"{tool} {c}: --help options that the man page lacks: {missing}")
extra = sorted(named - everything)
check(not extra, f"{tool}: man page options that no --help lists: {extra}")

sections = {}
for sec in re.split(r"^\.SS ", man, flags=re.M)[1:]:
    title = sec.split("\n", 1)[0].strip().strip('"')
    found = re.findall(r"\\fB--([a-z0-9-]+)|^\.B[IR]? --([a-z0-9-]+)", sec, re.M)
    sections[title] = {a or b for a, b in found}
for c, options in helped.items():
    if c and c in sections:
        in_man = sections[c] | sections.get("common options", set())
        check(not (options - in_man - {"help"}),
              f"{tool} {c}: options missing from its man page section: {sorted(options - in_man - {'help'})}")
        check(not (sections[c] - options), f"{tool} {c}: section options {c} --help lacks: {sorted(sections[c] - options)}")

version = run([exe, "--version"], check=False)
expected = os.environ.get("SOMATIC_VERSION")
check(version.returncode == 0 and version.stdout == f"{tool} {expected}\n",
      f"{tool} --version prints '{tool} {expected}' ({version.stdout.strip()!r})")
finish()
