"""One tool's --help and its manual page say the same thing.

Usage: help_man.py TOOL  (somatic-snv, somatic-pon, somatic-cnv, somatic-sig, somatic-scatter)

Every option any --help of the tool lists (the tool's own, or each
subcommand's for a tool of subcommands) is in man/TOOL.1, and every option the
man page names outside its EXAMPLES is in some --help. Where the man page has a section (.SS) named
after a subcommand, that section and a "common options" section hold exactly
that subcommand's options (titles match exactly: somatic-cnv's option group
"Bins" is not its command "bins"). `TOOL --version` prints the tool's name and the
project's version, and so does `TOOL COMMAND --version` for each command.

Defaults too: every option whose --help shows a default, "(=X)", has an
entry in the man page that states the same default: "(default X)" (an entry
for two options, ".TQ", gives both: "(default A to B)" or "(default A, B)"),
"X (the default)", or a bare "(X)" that opens with a number. Numbers compare
by value (1e-8 and 0.00000001 agree). Where the man page has a section named
after the command, its entry there is the one checked."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import binary, built_version, check, finish, run

tool = sys.argv[1]
exe = binary(tool)
source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
man = open(os.path.join(source, "man", tool + ".1")).read().replace("\\-", "-")


def help_defaults(text):
    """Option -> the default its --help shows: '  --min-mapq Q (=20)'."""
    return dict(re.findall(r"^\s+(?:-\w \[ )?--([a-z][a-z0-9-]+)(?: \])?(?: [^\s(]+)? \(=([^)]*)\)", text, re.M))


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
defaults = {}  # command -> {option: default shown by --help}
if commands:
    for c in commands:
        r = run([exe, c, "--help"], check=False)
        check(r.returncode == 0, f"{tool} {c} --help exits 0")
        helped[c] = help_options(r.stdout) | {"help"}
        defaults[c] = help_defaults(r.stdout)
else:
    helped[""] = help_options(top.stdout)
    defaults[""] = help_defaults(top.stdout)
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
    sec = re.split(r"^\.SH ", sec, maxsplit=1, flags=re.M)[0]  # a section ends at the next .SH heading too
    found = re.findall(r"\\fB--([a-z0-9-]+)|^\.B[IR]? --([a-z0-9-]+)", sec, re.M)
    sections[title] = {a or b for a, b in found}
for c, options in helped.items():
    if c and c in sections:
        in_man = sections[c] | sections.get("common options", set())
        check(not (options - in_man - {"help"}),
              f"{tool} {c}: options missing from its man page section: {sorted(options - in_man - {'help'})}")
        check(not (sections[c] - options), f"{tool} {c}: section options {c} --help lacks: {sorted(sections[c] - options)}")



def plain(roff):
    """Man text as one line without fonts and escapes, macro names dropped
    ('.BI \\-\\-x " N"' -> '--x N'), other requests left out."""
    out = []
    for line in roff.split("\n"):
        m = re.match(r"^\.(?:B|I|BI|IB|BR|RB|IR|RI)\s+(.*)$", line)
        if m:
            line = m.group(1).replace('"', "")
            line = re.sub(r" ([,.;:)])", r"\1", line)  # ".BR ratio ," -> "ratio,"
        elif line.startswith("."):
            continue
        line = re.sub(r"\\f[BIRP]", "", line).replace("\\&", "").replace("\\-", "-").replace("\\e", "\\")
        out.append(line)
    return " ".join(out)


def entries(roff):
    """(section title, [options the entry's header names], body text) for each
    .TP entry; .TQ adds an option to the entry above."""
    result = []
    section = ""
    lines = roff.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(".SS ") or line.startswith(".SH "):
            section = line[4:].strip().strip('"')
        if line.strip() != ".TP" or i + 1 >= len(lines):
            i += 1
            continue
        names, body = [], []
        names += re.findall(r"--([a-z][a-z0-9-]+)", lines[i + 1].replace("\\-", "-"))
        i += 2
        while i < len(lines) and lines[i].strip() == ".TQ" and i + 1 < len(lines):
            names += re.findall(r"--([a-z][a-z0-9-]+)", lines[i + 1].replace("\\-", "-"))
            i += 2
        while i < len(lines) and not re.match(r"^\.(TP|SS|SH|PP)\b", lines[i]):
            body.append(lines[i])
            i += 1
        result.append((section, names, plain("\n".join(body))))
    return result


def stated_defaults(names, text):
    """The defaults an entry's text states for its options, in order; None
    when it states none."""
    m = re.search(r"\(default:? ([^()]*)\)", text)
    if m:
        said = m.group(1).strip()
        if len(names) > 1:
            return [v.strip() for v in re.split(r" to |, | and ", said)][:len(names)]
        return [re.split(r"[;:,]", said)[0].strip()]
    m = re.search(r"(\S+) \((?:the )?default\)", text)
    if m:
        return [m.group(1).strip('"')]
    m = re.search(r"\((-?[0-9][0-9.e+-]*)[),;]", text)
    if m:
        return [m.group(1)]
    return None


def same(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b


man_entries = entries(open(os.path.join(source, "man", tool + ".1")).read())


def man_default(command, option):
    """The default the man page states for `option` of `command`: from the
    command's own section when it has one, else from any entry that names
    the option. (found, value)."""
    candidates = [e for e in man_entries if option in e[1]]
    own = [e for e in candidates if command and e[0] == command]
    for section, names, text in own or candidates:
        said = stated_defaults(names, text)
        if said and names.index(option) < len(said):
            return True, said[names.index(option)]
    return bool(candidates), None


for c, shown in defaults.items():
    where = f"{tool} {c}".strip()
    for option, value in sorted(shown.items()):
        found, said = man_default(c, option)
        if not found:
            continue  # reported above as an option the man page lacks
        check(said is not None and same(said, value),
              f"{where}: --{option} defaults to {value!r} in --help, the man page says {said!r}")

version = run([exe, "--version"], check=False)
expected = built_version()
check(version.returncode == 0 and version.stdout == f"{tool} {expected}\n",
      f"{tool} --version prints '{tool} {expected}' ({version.stdout.strip()!r})")
for c in commands:
    r = run([exe, c, "--version"], check=False)
    check(r.returncode == 0 and r.stdout == f"{tool} {expected}\n",
          f"{tool} {c} --version prints '{tool} {expected}' ({r.stdout.strip()!r})")
finish()
