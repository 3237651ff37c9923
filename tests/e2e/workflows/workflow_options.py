"""The workflows call the tools as the tools are: every option the Snakefile
or a Nextflow module gives a somatic tool is in that tool's (or subcommand's)
--help, and the Nextflow pipeline gives each tool the same options as the
Snakemake workflow (nextflow.config's ext.args included). The Nextflow modules
follow nf-core's conventions: a tag, task.ext.args, a versions.yml output,
a stub for `nextflow run -stub`. Every step's cpus, memory and time come from
workflows/resources.tsv in the Snakefile and nextflow.config, and the CWL
tools' resource hints say the same figures.
Nextflow itself is not run: this is a static check."""
import glob
import os
import re
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import binary, check, finish, run

SOURCE = os.environ["SOMATIC_SOURCE_DIR"]
NF = f"{SOURCE}/workflows/nextflow"
TOOL = re.compile(r"\bsomatic-(scatter|snv|cnv|msi|sig|report)\b(?: (run|scan|call|catalogue|fit|cohort)\b)?")
OPTION = re.compile(r"(?<![\w$/-])(--?[a-z][a-z0-9-]*)")


def help_options(tool, command):
    # somatic-report without a command renders: its options are render's.
    if tool == "somatic-report" and not command:
        command = "render"
    args = [binary(tool)] + ([command] if command else []) + ["--help"]
    text = run(args).stdout
    found = set()
    for m in re.finditer(r"^\s+(?:(-\w) \[ )?(--[a-z][a-z0-9-]+)", text, re.M):
        found |= {o for o in m.groups() if o}
    return found | {"--help", "--version", "-h"}


def invocations(text):
    """(tool, command) -> options, for every call of a somatic tool in text.
    A call ends at a redirection, a pipe, a blank line or a here-document."""
    calls = {}
    for m in TOOL.finditer(text):
        rest = text[m.end():]
        end = min([i for i in (rest.find("2>"), rest.find("|"), rest.find("\n\n"), rest.find("<<"), rest.find('"""'))
                   if i >= 0] + [len(rest)])
        key = ("somatic-" + m.group(1), m.group(2) or "")
        options = set(OPTION.findall(rest[:end]))
        if options - {"--version"}:  # version queries and mere mentions are not calls
            calls.setdefault(key, set()).update(options)
    return calls


# The rules call {params.bin}somatic-snv ...: bin_dir, or nothing for PATH.
snakefile = "".join(l for l in open(f"{SOURCE}/workflows/snakemake/Snakefile") if not l.lstrip().startswith("#"))
snakefile = snakefile.replace("{params.bin}", "")
smk = invocations(snakefile)

nf = {}
process_tool = {}
for path in sorted(glob.glob(f"{NF}/modules/**/main.nf", recursive=True)):
    text = open(path).read()
    name = os.path.relpath(path, NF)
    process = re.search(r"^process (\w+)", text, re.M)
    check(process and re.search(r'^\s+tag "\$meta\.id', text, re.M), f"{name}: a process tagged by meta.id")
    check("task.ext.args" in text and 'path "versions.yml"' in text and "emit: versions" in text and
          "\n    stub:\n" in text, f"{name}: task.ext.args, a versions.yml output and a stub")
    # A module runs one tool; its options are all those its script block
    # names, before the versions here-document (variables such as
    # `def reference = fasta ? "--reference $fasta" : ''` included).
    script = text[text.index("script:"):text.index("cat <<-END_VERSIONS")]
    calls = invocations(script)
    tool = TOOL.search(script)
    if tool:
        key = ("somatic-" + tool.group(1), tool.group(2) or "")
        check(list(calls) == [key], f"{name}: one tool call ({sorted(calls)})")
        nf.setdefault(key, set()).update(OPTION.findall(script))
        process_tool[process.group(1)] = key
# Options set per process in nextflow.config (ext.args) count as the tool's.
config = open(f"{NF}/nextflow.config").read()
for name, body in re.findall(r"withName: '([\w|]+)' \{(.*?)\n    \}", config, re.S):
    for args in re.findall(r"ext\.args = \{ \"([^\"]*)\" \}", body):
        for process in name.split("|"):
            nf.setdefault(process_tool[process], set()).update(OPTION.findall(args))

main = open(f"{NF}/main.nf").read()
for include in re.findall(r"from '(\./[^']+)'", main):
    check(os.path.exists(os.path.join(NF, include + ".nf")), f"main.nf includes {include}, which exists")

for source, calls in (("Snakefile", smk), ("Nextflow", nf)):
    for (tool, command), options in sorted(calls.items()):
        unknown = sorted(options - help_options(tool, command))
        check(not unknown, f"{source}: {tool} {command}: every option is in its --help (unknown: {unknown})")
check(set(smk) == set(nf), f"the same tool calls in both workflows ({sorted(smk)} / {sorted(nf)})")
for key in sorted(set(smk) & set(nf)):
    a, b = smk[key] - {"--version"}, nf[key] - {"--version"}
    check(a == b, f"{' '.join(key)}: the same options in both workflows (Snakefile only: {sorted(a - b)}, "
                  f"Nextflow only: {sorted(b - a)})")

# Resources: one table, read by both workflows; the CWL hints repeat it.
table = [l.rstrip("\n").split("\t") for l in open(f"{SOURCE}/workflows/resources.tsv") if not l.startswith("#")]
check(table[0] == ["step", "cpus", "memory_mb", "runtime_min"], f"resources.tsv's header ({table[0]})")
steps = {r[0]: [int(x) for x in r[1:]] for r in table[1:]}
rules = {}
for block in re.split(r"^(?=rule )", snakefile, flags=re.M)[1:]:
    step = re.search(r"\*\*resources\(\"(\w+)\"\)", block)
    rules[re.match(r"rule (\w+):", block).group(1)] = step.group(1) if step else None
check(rules.pop("all") is None and None not in rules.values() and set(rules.values()) == set(steps),
      f"every Snakemake rule takes its resources from a step of resources.tsv, every step is used ({rules})")
check("resources.tsv" in open(f"{SOURCE}/workflows/snakemake/rules/common.smk").read(),
      "the Snakemake workflow reads resources.tsv")
check('new File("${projectDir}/../resources.tsv")' in config and not re.search(r"^\s*cpus = \d", config.replace(
      "    cpus = 1\n", "", 1), re.M), "nextflow.config reads resources.tsv and sets no cpus of its own but a default")
nf_steps = {}
for names, body in re.findall(r"withName: '([\w|]+)' \{(.*?)\n    \}", config, re.S):
    used = set(re.findall(r"resources\.(\w+)\.(?:cpus|memory|time)", body))
    check(len(used) <= 1 and (not used or all(f"{k} = resources.{next(iter(used))}.{k}" in body
                                               for k in ("cpus", "memory", "time"))),
          f"nextflow.config: {names} takes cpus, memory and time from one step ({sorted(used)})")
    for process in names.split("|"):
        if used:
            nf_steps[process] = next(iter(used))
module_processes = set(process_tool) | {"GATHER_SNV", "GATHER_HETS", "COHORT_CATALOGUE", "COHORT_FIT", "BCFTOOLS_CSQ"}
check(set(nf_steps) == module_processes and set(nf_steps.values()) <= set(steps),
      f"every Nextflow process has a step of resources.tsv ({sorted(nf_steps.items())})")
CWL_STEP = {"somatic-scatter.cwl": "scatter", "somatic-snv.cwl": "snv", "bcftools-concat.cwl": "gather",
            "concat-beds.cwl": "gather",
            "somatic-cnv-run.cwl": "cnv", "somatic-sig-catalogue.cwl": "catalogue", "somatic-sig-fit.cwl": "fit",
            "somatic-report.cwl": "report", "somatic-msi-scan.cwl": "msi", "somatic-msi-call.cwl": "msi"}
for path in sorted(glob.glob(f"{SOURCE}/workflows/cwl/*.cwl")):
    text = open(path).read()
    if "class: CommandLineTool" not in text:
        continue
    m = re.search(r"ResourceRequirement: \{coresMin: (\d+), ramMin: (\d+)\}\n\s+ToolTimeLimit: \{timelimit: (\d+)\}", text)
    hint = [int(m.group(1)), int(m.group(2)), int(m.group(3))] if m else None
    name = os.path.basename(path)
    step = CWL_STEP[name]
    c, mem, minutes = steps[step]
    check(hint == [c, mem, minutes * 60], f"{name}: its resource hints ({hint}) are resources.tsv's {step}'s")
finish()
