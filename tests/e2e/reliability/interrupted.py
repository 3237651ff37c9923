#!/usr/bin/python3
"""No output lost or faked: a run that does not finish leaves no file under
the output's final name (so a pipeline that sees the name can trust it).

1. somatic-snv mid-write. The run is made slow (pair1, one thread, 1 kb
   chunks, given priors: with estimated ones a genome as small as pair1 is
   read once, in the estimate's 100 kb chunks, and then written in a blink); the signal is sent once its temporary output exists and while
   the process still runs, i.e. while it writes calls. SIGINT and SIGTERM:
   the process dies of that signal, nothing is left (no final name, no .tbi,
   no temporary). SIGKILL cannot be caught, so a temporary may stay; it is
   accepted only under a name that cannot be mistaken for the output: hidden
   (a leading '.') and ending in '.tmp<pid>', so neither the final name nor
   a glob such as *.vcf.gz matches it.
2. somatic-cnv and somatic-sig compute everything before they write (their
   outputs are small tables). They are interrupted while they read a slowly
   fed pipe, and somatic-cnv run also in the middle of its computation: the
   process dies of the signal and leaves nothing.
3. A disk that fills mid-write, on a real file (not /dev/full, which is
   written in place): the file size limit (RLIMIT_FSIZE, with SIGXFSZ
   ignored, so writes past it fail with EFBIG as on a full disk) is set
   below the output's size. Each tool exits 1 with one error line naming the
   output, and leaves no file under the final name and no temporary.
"""
import glob
import os
import shutil
import resource
import signal
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch

pair = os.path.join(TESTDATA, "pair1")
ref = f"{pair}/ref.fa"
out = scratch()
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGKILL)


def leftovers():
    return sorted(os.listdir(out))


def clean():
    for f in os.listdir(out):
        os.remove(os.path.join(out, f))


def judge(what, sig, p, final):
    """Checks the state after `p` was sent `sig`."""
    check(p.returncode == -sig, f"{what}, {sig.name}: the process died of the signal (exit {p.returncode})")
    left = leftovers()
    check(not any(os.path.exists(final + s) for s in ("", ".tbi", ".csi")),
          f"{what}, {sig.name}: nothing under the final name {os.path.basename(final)} ({left})")
    if sig == signal.SIGKILL:
        temp = f".{os.path.basename(final)}.tmp{p.pid}"
        check(all(f.startswith(".") and f.startswith(temp) for f in left),
              f"{what}, SIGKILL: only a hidden temporary '{temp}' may stay ({left})")
        check(not glob.glob(os.path.join(out, "*" + os.path.splitext(final)[1])),
              f"{what}, SIGKILL: no file matches *{os.path.splitext(final)[1]}")
    else:
        check(left == [], f"{what}, {sig.name}: the temporary files are removed ({left})")
    clean()


# 1. somatic-snv, mid-write.
final = f"{out}/calls.vcf.gz"
snv = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
       "--reference", ref, "--threads", "1", "--chunk-size", "1000", "--somatic-prior", "1e-6",
       "--orientation-artefact-rate", "1e-3", "--strand-artefact-rate", "1e-3", "--shared-prior", "1e-8", "-o", final]
for sig in SIGNALS:
    for attempt in range(5):
        p = subprocess.Popen(snv, stderr=subprocess.DEVNULL)
        temp = f"{out}/.calls.vcf.gz.tmp{p.pid}"
        while p.poll() is None and not os.path.exists(temp):
            time.sleep(0.002)
        time.sleep(0.1)  # into the chunks, past the header
        if p.poll() is not None:  # finished before the signal: too fast to test, try again
            clean()
            continue
        p.send_signal(sig)
        p.wait()
        judge("somatic-snv mid-write", sig, p, final)
        break
    else:
        check(False, f"somatic-snv, {sig.name}: every run finished before the signal")

# 2. somatic-cnv and somatic-sig: while reading a slow pipe, and mid-computation.
log2 = run([binary("somatic-cnv"), "bins", "-f", ref, f"{pair}/tumour.bam"]).stdout
calls = run([binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
             "--reference", ref, "--threads", "2"]).stdout
piped = [
    ("somatic-cnv segment from a slow pipe", [binary("somatic-cnv"), "segment", "--column", "reads", "-o",
                                             f"{out}/segments.tsv", "-"], f"{out}/segments.tsv", log2),
    ("somatic-sig catalogue from a slow pipe", [binary("somatic-sig"), "catalogue", "-f", ref, "-o",
                                               f"{out}/catalogue.tsv", "-"], f"{out}/catalogue.tsv", calls),
]
for what, argv, final, text in piped:
    for sig in SIGNALS:
        p = subprocess.Popen(argv, stdin=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        p.stdin.write(text[:len(text) // 2])
        p.stdin.flush()
        time.sleep(0.2)
        check(p.poll() is None, f"{what}, {sig.name}: still reading when signalled")
        p.send_signal(sig)
        p.wait()
        try:
            p.stdin.close()
        except BrokenPipeError:
            pass
        judge(what, sig, p, final)

cnv_run = [binary("somatic-cnv"), "run", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
           "-f", ref, "--snp-sites", f"{pair}/germline.vcf.gz", "-o", f"{out}/segments.bed",
           "--seg", f"{out}/segments.seg", "--summary", f"{out}/summary.tsv"]
start = time.time()
run(cnv_run)
duration = time.time() - start
clean()
for sig in SIGNALS:
    for fraction in (0.4, 0.2, 0.1, 0.05, 0.02):  # earlier each time the run was faster than the first
        p = subprocess.Popen(cnv_run, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        if p.poll() is not None:
            clean()
            continue
        p.send_signal(sig)
        p.wait()
        judge("somatic-cnv run mid-computation", sig, p, f"{out}/segments.bed")
        break
    else:
        check(False, f"somatic-cnv run, {sig.name}: every run finished before the signal")


# 3. A disk that fills mid-write, on a real file.
def limited(max_bytes):
    def setup():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    return setup


full = [
    ("somatic-snv", [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
                     "--reference", ref, "-o", f"{out}/calls.vcf"], f"{out}/calls.vcf", 20000),
    ("somatic-snv, bgzipped with index", [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal",
                                          f"{pair}/normal.bam", "--reference", ref, "-o", f"{out}/calls.vcf.gz"],
     f"{out}/calls.vcf.gz", 4000),
    ("somatic-cnv bins", [binary("somatic-cnv"), "bins", "-f", ref, "-o", f"{out}/bins.tsv", f"{pair}/tumour.bam"],
     f"{out}/bins.tsv", 4000),
    ("somatic-sig catalogue", [binary("somatic-sig"), "catalogue", "-f", ref, "-o", f"{out}/catalogue.tsv", "-"],
     f"{out}/catalogue.tsv", 500),
]
for what, argv, final, limit in full:
    env = dict(os.environ)
    if final.endswith(".gz") and "ASAN_OPTIONS" in env:
        # htslib's bgzf_close returns early, without freeing the BGZF, when its
        # last flush fails: that leak is htslib's, on this error path only, and
        # LeakSanitizer's fast unwinder cannot see past libhts to tell it apart.
        env["ASAN_OPTIONS"] += ":detect_leaks=0"
    r = subprocess.run(argv, input=calls if argv[-1] == "-" else None, capture_output=True, text=True,
                       preexec_fn=limited(limit), env=env)
    errors = [l for l in r.stderr.splitlines() if "error:" in l or l.startswith("[E::")]
    check(r.returncode == 1 and len(errors) == 1 and os.path.basename(final) in errors[0]
          and "File too large" in errors[0],
          f"{what}, disk full mid-write: exit {r.returncode}, one error line naming the output ({errors})")
    check(leftovers() == [], f"{what}, disk full mid-write: no output and no temporary left ({leftovers()})")
    clean()
shutil.rmtree(out, ignore_errors=True)
finish()
