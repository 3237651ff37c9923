"""The Snakemake workflow on a real one-node SLURM cluster (slurm_cluster.py),
with Snakemake's own SLURM executor (--slurm) and the per-rule threads, memory
and wall time of workflows/resources.tsv, gives the same results as a local
run, byte for byte (but bcftools concat's dated command line and the
reports' dates, outputs.py).
Then a shard job cancelled mid-run with scancel fails the run, and
`snakemake --rerun-incomplete` finishes it with the same results again.

Skipped (exit 77) when Snakemake has no --slurm, SLURM or munge is not
installed, or the daemons cannot start (they need root or passwordless sudo);
and in the sanitize stage (SOMATIC_TEST_SMALL): the scheduler adds nothing
there that workflow_snakemake does not already run under the sanitizers.
About 2 minutes: SLURM runs 28 jobs twice, each a Snakemake of its own."""
import os
import re
import signal
import shutil
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import FAILURES, TESTDATA, binary, check, finish, scratch
from outputs import differences, result_files
from slurm_cluster import SlurmCluster, Unavailable


def skip(why):
    print(f"{why}: skipped")
    sys.exit(77)


if os.environ.get("SOMATIC_TEST_SMALL"):
    skip("SOMATIC_TEST_SMALL is set: the SLURM run is for the normal stage")
if not shutil.which("snakemake"):
    skip("snakemake is not installed")
if "--slurm " not in subprocess.run(["snakemake", "--help"], capture_output=True, text=True).stdout:
    skip("this snakemake has no --slurm executor (Snakemake 7.19 to 7.32 have it built in)")

SOURCE = os.environ["SOMATIC_SOURCE_DIR"]
PAIRS = ("pair1", "pair2")
SHARDS = 3
KILLED = ("pair1", "shard_0002")  # the shard job cancelled mid-run
tools = ("somatic-scatter", "somatic-snv", "somatic-cnv", "somatic-msi", "somatic-sig", "somatic-report")

work = scratch()
with open(f"{work}/samples.tsv", "w") as f:
    f.write("pair\ttumour\tnormal\treference\n")
    for p in PAIRS:
        f.write(f"{p}\t{TESTDATA}/{p}/tumour.bam\t{TESTDATA}/{p}/normal.bam\t{TESTDATA}/{p}/ref.fa\n")
# One thread per step, so that two jobs share the two CPUs a CI machine has.
with open(f"{work}/config.yaml", "w") as f:
    f.write(f"samples: {work}/samples.tsv\nsignatures: {TESTDATA}/signatures/cosmic_v3.2_subset.tsv\n"
            f"shards: {SHARDS}\noutdir: results\nthreads: {{snv: 1, cnv: 1, sig: 1}}\n"
            # pair2's microsatellites have 10 to 20 reads: test them at 10.
            "args: {msi: '--min-depth 10'}\n")

# The tools from PATH, so that every run's command lines (kept in the VCF and
# BED headers) are the same; each run in its own folder with results/ in it.
path = [os.path.dirname(binary(t)) for t in tools]
# The run that loses a job finds a somatic-snv on PATH that, in the killed
# shard's first job, leaves a half-written VCF, says its SLURM job id and
# waits to be cancelled; later calls run the real tool.
wrappers = f"{work}/wrappers"
os.makedirs(wrappers)
marker = f"{work}/killed_job_id"
with open(f"{wrappers}/somatic-snv", "w") as f:
    f.write(f"""#!/bin/bash
case " $* " in
  *"/{KILLED[0]}/shards/{KILLED[1]}.bed "*)
    if [ ! -e {marker} ]; then
      for a in "$@"; do [ "$prev" = -o ] && printf '##fileformat=VCFv4.2\\n' | gzip > "$a"; prev=$a; done
      echo "$SLURM_JOB_ID" > {marker}.tmp && mv {marker}.tmp {marker}
      sleep 300
    fi ;;
esac
exec -a somatic-snv {binary("somatic-snv")} "$@"
""")
os.chmod(f"{wrappers}/somatic-snv", 0o755)


def snakemake(folder, extra, env, **kw):
    os.makedirs(folder, exist_ok=True)
    args = ["snakemake", "-s", f"{SOURCE}/workflows/snakemake/Snakefile", "--configfile", f"{work}/config.yaml",
            "--directory", folder] + extra
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def timed(folder, extra, env):
    start = time.time()
    p = snakemake(folder, extra, env)
    out = p.communicate()[0]
    return p.returncode, out, time.time() - start


local_env = dict(os.environ, PATH=os.pathsep.join(path + [os.environ["PATH"]]))
code, out, local_seconds = timed(f"{work}/local", ["--cores", "2"], local_env)
check(code == 0, f"the local run works ({local_seconds:.1f} s){'' if code == 0 else out[-3000:]}")
if code != 0:
    finish()

def stop_leftovers(directory):
    """Stops every process that still names `directory`: the cancelled job's
    step (Snakemake's job step outlives scancel here, where SLURM tracks a
    job's processes by process group) would otherwise run on after the
    test, waiting for files that never come."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        if int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                named = directory.encode() in f.read()
            if named:
                os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass


# meson's timeout sends SIGTERM: stop the daemons then too.
signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
try:
    cluster = SlurmCluster(f"{work}/slurm").__enter__()
except Unavailable as e:
    skip(f"SLURM cannot start here ({e})")
try:
    env = dict(cluster.env, PATH=local_env["PATH"])
    # Snakemake 7 checks a SLURM job's state once in 33 s unless told at most
    # once a second: its jobs here last seconds.
    slurm = ["--slurm", "--jobs", "4", "--latency-wait", "5", "--max-status-checks-per-second", "1"]
    code, out, seconds = timed(f"{work}/cluster", slurm, env)
    check(code == 0, f"the run on SLURM works ({seconds:.1f} s, local {local_seconds:.1f} s)"
                     f"{'' if code == 0 else out[-3000:]}")
    submitted = out.count("has been submitted with SLURM jobid")
    check(submitted == 12 * len(PAIRS) + 4, f"every job went to SLURM ({submitted} submitted)")
    # Each job asked SLURM for its rule's figures of resources.tsv.
    figures = {l.split("\t")[0]: l.split("\t")[1:] for l in open(f"{SOURCE}/workflows/resources.tsv")
               if not l.startswith("#")}
    for rule in ("snv", "cnv", "scatter"):
        jobs = re.findall(rf"SLURM jobid (\d+) \(log: \S*/rule_{rule}/", out)
        shown = subprocess.run(["scontrol", "-o", "show", "job", jobs[0]], env=env, capture_output=True,
                               text=True).stdout if jobs else ""
        memory, minutes = int(figures[rule][1]), int(figures[rule][2])
        check(f"MinMemoryNode={memory}M" in shown and f"TimeLimit={minutes // 60:02d}:{minutes % 60:02d}:00" in shown
              and "NumCPUs=1 " in shown, f"{rule}: {len(jobs)} jobs, each given resources.tsv's {memory} MB "
                                         f"and {minutes} min, on the 1 CPU the test's config sets")
    compared = len(result_files(f"{work}/local/results"))
    problems = differences(f"{work}/local/results", f"{work}/cluster/results")
    check(compared >= 20 and not problems, f"SLURM's {compared} result files equal the local run's ({problems[:5]})")

    # A shard job cancelled mid-run: the run fails; --rerun-incomplete ends it.
    killed_env = dict(env, PATH=os.pathsep.join([wrappers] + path + [os.environ["PATH"]]))
    start = time.time()
    p = snakemake(f"{work}/killed", slurm, killed_env)
    while not os.path.exists(marker) and p.poll() is None and time.time() - start < 90:
        time.sleep(0.2)
    job = open(marker).read().strip() if os.path.exists(marker) else ""
    check(job.isdigit(), f"{KILLED[0]} {KILLED[1]} runs as SLURM job {job or '(none)'}")
    if job.isdigit():
        subprocess.run(["scancel", job], env=env, check=True)
    try:
        out = p.communicate(timeout=120)[0]
    except subprocess.TimeoutExpired:
        p.kill()
        out = p.communicate()[0]
    state = subprocess.run(["scontrol", "show", "job", job], env=env, capture_output=True, text=True).stdout
    check("JobState=CANCELLED" in state, f"SLURM job {job} was cancelled ({state.split('JobState=')[-1][:20]!r})")
    check(p.returncode not in (0, None) and f"SLURM-job '{job}' failed" in out,
          f"the run with the cancelled job fails, naming it (exit {p.returncode})")
    code, out, rerun_seconds = timed(f"{work}/killed", slurm + ["--rerun-incomplete"], killed_env)
    check(code == 0 and "rule snv" in out, f"--rerun-incomplete finishes the run, rerunning the shard "
                                           f"({rerun_seconds:.1f} s){'' if code == 0 else out[-3000:]}")
    problems = differences(f"{work}/local/results", f"{work}/killed/results")
    check(not problems, f"after the rerun, the results equal the local run's ({problems[:5]})")
finally:
    cluster.stop()
    stop_leftovers(work)
print(f"local run {local_seconds:.1f} s, SLURM run {seconds:.1f} s, rerun after the cancelled job {rerun_seconds:.1f} s")
if FAILURES:
    print(f"SLURM's files are in {cluster.dir}")
else:
    shutil.rmtree(work, ignore_errors=True)
finish()
