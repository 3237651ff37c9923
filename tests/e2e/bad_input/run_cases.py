#!/usr/bin/python3
"""Runs the bad-input corpus (cases.py) of one tool, or of all three:

    run_cases.py [somatic-snv|somatic-cnv|somatic-sig]

Each case must exit with its code and print exactly one error line,
'<tool>: error: ' followed by text matching the case's expression; no file
may be left under the output's name. Every failing case is reported by
name; the exit status is 1 if any failed, 0 otherwise."""
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import CASES  # noqa: E402

TESTDATA = os.environ.get("SOMATIC_TESTDATA",
                          os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "testdata"))
IS_ROOT = os.geteuid() == 0


def binary(tool):
    return os.environ.get(tool.replace("-", "_").upper(), tool)


def prepare(tmp):
    """What cannot be committed: stale indexes, unreadable files, a directory."""
    bad = os.path.join(TESTDATA, "bad")
    old = time.time() - 3600
    for data, index in (("mini_tumour.bam", ".bai"), ("sites.vcf.gz", ".tbi")):
        stale = os.path.join(tmp, "stale" + data[data.index("."):])
        shutil.copy(os.path.join(bad, data), stale)
        shutil.copy(os.path.join(bad, data + index), stale + index)
        os.utime(stale + index, (old, old))
    for name, source in (("unreadable.bam", "mini_tumour.bam"), ("unreadable.vcf", "unsorted.vcf"),
                         ("unreadable.tsv", "../cnv/bad/tumour.bins.tsv")):
        path = os.path.join(tmp, name)
        shutil.copy(os.path.join(bad, source), path)
        if os.path.exists(os.path.join(bad, source + ".bai")):
            shutil.copy(os.path.join(bad, source + ".bai"), path + ".bai")
        os.chmod(path, 0)
    os.mkdir(os.path.join(tmp, "dir"))
    os.chmod(tmp, 0o755)  # reachable by the user the unreadable cases run as


def drop_to(user):
    os.setgroups([])
    os.setgid(user.pw_gid)
    os.setuid(user.pw_uid)


def run_case(name, tool, args, code, pattern, tmp, index, expect=None):
    out = os.path.join(tmp, f"out{index}")
    places = {"bad": os.path.join(TESTDATA, "bad"), "cnvbad": os.path.join(TESTDATA, "cnv", "bad"),
              "sigbad": os.path.join(TESTDATA, "sig", "bad"), "sig": os.path.join(TESTDATA, "sig"),
              "p1": os.path.join(TESTDATA, "pair1"), "p2": os.path.join(TESTDATA, "pair2"),
              "msi": os.path.join(TESTDATA, "msi"),
              "tmp": tmp, "out": out}
    args = [a.format(**places) for a in args]
    as_nobody = None
    if any("unreadable" in a for a in args) and IS_ROOT:
        # Mode 000 does not stop root: the case runs as the unprivileged
        # user 'nobody', or is skipped where there is none.
        try:
            as_nobody = pwd.getpwnam("nobody")
        except KeyError:
            return "skip", "run as root, and no user 'nobody' to run as"
    closed = bool(args) and args[0] == "CLOSED_STDOUT"
    if closed:
        args = args[1:]
    # No network: htslib must not fetch a CRAM's reference from a server.
    env = dict(os.environ, REF_PATH=os.path.join(tmp, "no_ref_path"), REF_CACHE=os.path.join(tmp, "no_ref_cache"))
    r = subprocess.run([binary(tool)] + args, stdin=subprocess.DEVNULL,
                       stdout=None if closed else subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                       close_fds=True, pass_fds=(), timeout=120,
                       preexec_fn=(lambda: os.close(1)) if closed else (lambda: drop_to(as_nobody)) if as_nobody else None)
    problems = []
    if r.returncode != code:
        problems.append(f"exit {r.returncode}, want {code}")
    errors = [l for l in r.stderr.splitlines() if " error: " in l or l.startswith("[E::")]
    if code == 0:
        if errors:
            problems.append(f"error lines {errors!r}")
        if pattern and not re.search(pattern, r.stderr):
            problems.append(f"stderr lacks /{pattern}/: {r.stderr.strip()!r}")
    else:
        prefix = f"{tool}: error: "
        if len(errors) != 1:
            problems.append(f"{len(errors)} error lines, want 1: {r.stderr.strip()!r}")
        elif not errors[0].startswith(prefix) or not re.search(pattern, errors[0][len(prefix):]):
            problems.append(f"message {errors[0]!r} does not match /{pattern}/")
        if "Traceback" in r.stderr or "terminate called" in r.stderr:
            problems.append("crashed")
        left = [f for f in os.listdir(tmp) if f.startswith(os.path.basename(out))]
        if left:
            problems.append(f"left output files {left}")
    for p in (expect or {}).get("stdout", []):
        if not re.search(p, r.stdout or ""):
            problems.append(f"stdout lacks /{p}/")
    for p in (expect or {}).get("stdout_not", []):
        if re.search(p, r.stdout or ""):
            problems.append(f"stdout has /{p}/")
    return ("FAIL", "; ".join(problems)) if problems else ("ok", "")


def controls(tmp):
    """The good inputs the cases change one thing of: without a change they
    run, and the CRAM gives the same calls as its BAM. Without this a case
    could pass because its base was broken."""
    bad = os.path.join(TESTDATA, "bad")
    ref = os.path.join(TESTDATA, "pair2", "ref.fa")
    env = dict(os.environ, REF_PATH=os.path.join(tmp, "no_ref_path"), REF_CACHE=os.path.join(tmp, "no_ref_cache"))
    calls = []
    for tumour in ("mini_tumour.bam", "mini_tumour.cram"):
        r = subprocess.run([binary("somatic-snv"), "--tumour", os.path.join(bad, tumour), "--normal",
                            os.path.join(bad, "mini_normal.bam"), "--reference", ref, "--no-version",
                            "--force-sites", os.path.join(bad, "sites.vcf.gz")],
                           capture_output=True, text=True, env=env)
        calls.append((r.returncode, r.stdout))
    ok = calls[0][0] == 0 and calls[0][1].startswith("##fileformat") and calls[0] == calls[1]
    return ("ok", "") if ok else ("FAIL", f"exits {calls[0][0]}, {calls[1][0]}; same output: {calls[0][1] == calls[1][1]}")


def main():
    tools = sys.argv[1:] or ["somatic-snv", "somatic-cnv", "somatic-sig"]
    failed, counts = [], {}
    tmp = tempfile.mkdtemp(prefix="somatic_bad_input_")
    try:
        prepare(tmp)
        rows = list(CASES)
        if "somatic-snv" in tools:
            rows.append(("control: the good mini pair runs, and its CRAM gives the BAM's calls", "somatic-snv", None, 0, None))
        for i, (name, tool, args, code, pattern, *expect) in enumerate(rows):
            if tool not in tools:
                continue
            if args is None:
                status, detail = controls(tmp)
            else:
                status, detail = run_case(name, tool, args, code, pattern, tmp, i, expect[0] if expect else None)
            counts[status] = counts.get(status, 0) + 1
            print(f"{status:<5}{tool}: {name}" + (f": {detail}" if detail else ""), flush=True)
            if status == "FAIL":
                failed.append(f"{tool}: {name}")
    finally:
        for f in os.listdir(tmp):
            if f.startswith("unreadable"):
                os.chmod(os.path.join(tmp, f), 0o600)
        shutil.rmtree(tmp, ignore_errors=True)
    print(", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    if failed:
        print("failing cases:\n  " + "\n  ".join(failed))
        sys.exit(1)


if __name__ == "__main__":
    main()
