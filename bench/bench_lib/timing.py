"""Runs a command under /usr/bin/time and returns wall, CPU and peak memory."""
import os
import subprocess
import tempfile
import time


class ToolFailed(RuntimeError):
    pass


def timed(cmd, stdout=None, stdin=None, env=None):
    """Runs cmd; returns {'wall_s', 'cpu_s', 'peak_mb'}. Raises ToolFailed
    with the tail of stderr when the command exits non-zero."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tfile, \
            tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        r = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", tfile.name] + list(cmd),
                           stdout=stdout, stdin=stdin, stderr=err, env=env)
        wall = time.monotonic() - start
        if r.returncode != 0:
            err.seek(0)
            tail = err.read().strip().splitlines()[-3:]
            raise ToolFailed(f"{os.path.basename(cmd[0])} exited {r.returncode}: {' | '.join(tail)}")
        user, sys_, rss_kb = tfile.read().split()[-3:]
    return {"wall_s": wall, "cpu_s": float(user) + float(sys_), "peak_mb": int(rss_kb) / 1024}


def add(a, b):
    """Two steps run one after the other: wall and CPU add, memory is the max."""
    return {"wall_s": a["wall_s"] + b["wall_s"], "cpu_s": a["cpu_s"] + b["cpu_s"],
            "peak_mb": max(a["peak_mb"], b["peak_mb"])}
