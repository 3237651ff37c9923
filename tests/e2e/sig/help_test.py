"""The man page and --help say the same thing: every option the man page
documents for a command is in that command's --help, and the other way."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import check, run  # noqa: E402

root = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
man = open(os.path.join(root, "man", "somatic-sig.1")).read().replace("\\-", "-")
# Options are listed as .TP then \fB\-\-name\fR lines, grouped under .SS <command>.
sections = re.split(r"^\.SS ", man, flags=re.M)
documented = {}
for sec in sections[1:]:
    title = sec.split("\n", 1)[0].strip().strip('"')
    sec = re.split(r"^\.SH ", sec, flags=re.M)[0]  # a section ends at the next .SH heading
    opts = set(re.findall(r"\\fB--([a-z0-9-]+)", sec))
    documented[title] = opts
for cmd in ("catalogue", "fit", "extract"):
    helptext = run(cmd, "--help").stdout
    in_help = set(re.findall(r"--([a-z0-9-]+)", helptext))
    in_man = documented.get(cmd, set()) | documented.get("common options", set())
    check(cmd in documented, f"man page has no section for {cmd}")
    missing = in_help - in_man
    extra = documented[cmd] - in_help
    check(not missing, f"{cmd}: options in --help but not in the man page: {sorted(missing)}")
    check(not extra, f"{cmd}: options in the man page but not in --help: {sorted(extra)}")
print("ok")
