"""A throw-away one-node SLURM cluster for tests: munged, slurmctld and slurmd
started from a configuration written to a folder of their own, on free ports
and a private munge socket, so nothing of a SLURM or munge the machine may
already run is touched. Processes are tracked without cgroups
(proctrack/linuxproc), so no cgroup setup is needed.

    with SlurmCluster(folder) as cluster:   # raises Unavailable when it cannot start
        subprocess.run(["sbatch", ...], env=cluster.env)

The daemons need root (slurmd starts job steps as the submitting user);
when not root they are started through `sudo -n`."""
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time

DAEMONS = ("munged", "slurmctld", "slurmd")
CLIENTS = ("sbatch", "sinfo", "scancel", "squeue", "scontrol")


class Unavailable(Exception):
    """SLURM cannot run here; the message says why."""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def machine():
    """CPUs and memory (MiB) of this machine as slurmd sees them."""
    out = subprocess.run(["slurmd", "-C"], capture_output=True, text=True).stdout
    cpus = re.search(r"\bCPUs=(\d+)", out)
    memory = re.search(r"\bRealMemory=(\d+)", out)
    if not cpus or not memory:
        raise Unavailable(f"slurmd -C does not describe this machine ({out.strip()!r})")
    return int(cpus.group(1)), int(memory.group(1))


class SlurmCluster:
    NODE = "node1"
    PARTITION = "test"

    def __init__(self, folder, start_timeout=60):
        self.dir = os.path.abspath(folder)
        self.start_timeout = start_timeout
        self.started = []  # (name, pid file) of the daemons started, to stop them
        self.sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
        self.env = dict(os.environ, SLURM_CONF=f"{self.dir}/slurm.conf")
        # Snakemake's SLURM executor reads USER.
        self.env.setdefault("USER", self._user())

    @staticmethod
    def _user():
        import pwd
        return pwd.getpwuid(os.getuid()).pw_name

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        missing = [p for p in DAEMONS + CLIENTS if not shutil.which(p) and not os.path.exists(f"/usr/sbin/{p}")]
        if missing:
            raise Unavailable(f"not installed: {' '.join(missing)} (Debian: slurmctld slurmd slurm-client munge)")
        if self.sudo and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode != 0:
            raise Unavailable("the SLURM daemons need root, and this user is not root and has no passwordless sudo")
        cpus, memory = machine()
        os.makedirs(self.dir, exist_ok=True)
        for sub in ("state", "spool", "log", "munge"):
            os.makedirs(f"{self.dir}/{sub}", exist_ok=True)
        # munged insists on private key and socket folders owned by its user.
        os.chmod(f"{self.dir}/munge", 0o700)
        key = f"{self.dir}/munge/munge.key"
        with open(key, "wb") as f:
            f.write(secrets.token_bytes(1024))
        os.chmod(key, 0o400)
        self.socket = f"{self.dir}/munge/munge.socket"
        user = self._user()
        with open(f"{self.dir}/cgroup.conf", "w") as f:
            f.write("# No cgroups: processes are tracked by proctrack/linuxproc.\nCgroupPlugin=autodetect\n"
                    "IgnoreSystemd=yes\n")
        with open(f"{self.dir}/slurm.conf", "w") as f:
            f.write(f"""ClusterName=somatic-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort={free_port()}
SlurmdPort={free_port()}
SlurmUser={user}
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket={self.socket}
CredType=cred/munge
StateSaveLocation={self.dir}/state
SlurmdSpoolDir={self.dir}/spool
SlurmctldPidFile={self.dir}/slurmctld.pid
SlurmdPidFile={self.dir}/slurmd.pid
SlurmctldLogFile={self.dir}/log/slurmctld.log
SlurmdLogFile={self.dir}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
SchedulerParameters=sched_interval=1
MinJobAge=600
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
NodeName={self.NODE} NodeHostname={socket.gethostname()} NodeAddr=127.0.0.1 CPUs={cpus} RealMemory={memory} State=UNKNOWN
PartitionName={self.PARTITION} Nodes={self.NODE} Default=YES MaxTime=INFINITE State=UP
""")
        self._daemon("munged", f"{self.dir}/munge/munged.pid",
                     ["munged", "--force", f"--socket={self.socket}", f"--key-file={key}",
                      f"--pid-file={self.dir}/munge/munged.pid", f"--log-file={self.dir}/log/munged.log",
                      f"--seed-file={self.dir}/munge/munged.seed"])
        self._daemon("slurmctld", f"{self.dir}/slurmctld.pid",
                     ["slurmctld", "-f", f"{self.dir}/slurm.conf", "-i"])
        self._daemon("slurmd", f"{self.dir}/slurmd.pid",
                     ["slurmd", "-f", f"{self.dir}/slurm.conf", "-N", self.NODE])
        self._wait_idle()

    def _daemon(self, name, pid_file, args):
        path = shutil.which(args[0]) or f"/usr/sbin/{args[0]}"
        r = subprocess.run(self.sudo + [path] + args[1:], env=self.env, capture_output=True, text=True)
        self.started.append((name, pid_file))
        if r.returncode != 0:
            raise Unavailable(f"{name} did not start: {(r.stderr or r.stdout).strip()[-500:]} {self._log(name)}")
        deadline = time.time() + 10
        while not self._pid(pid_file):
            if time.time() > deadline:
                raise Unavailable(f"{name} wrote no pid file {self._log(name)}")
            time.sleep(0.1)

    def _log(self, name):
        path = f"{self.dir}/log/{name}.log"
        if not os.path.exists(path):
            return ""
        return "(log: " + " | ".join(open(path, errors="replace").read().splitlines()[-5:]) + ")"

    def _wait_idle(self):
        """Until sinfo shows the node idle; the first minute of a fresh slurmd
        may pass in 'unknown' or 'down' while it registers."""
        deadline = time.time() + self.start_timeout
        state = ""
        while time.time() < deadline:
            r = subprocess.run(["sinfo", "-h", "-n", self.NODE, "-o", "%T"], env=self.env,
                               capture_output=True, text=True)
            state = (r.stdout or r.stderr).strip()
            if state == "idle":
                return
            time.sleep(0.5)
        raise Unavailable(f"the node is not idle after {self.start_timeout} s (sinfo: {state!r}) "
                          f"{self._log('slurmctld')} {self._log('slurmd')}")

    @staticmethod
    def _pid(pid_file):
        try:
            return int(open(pid_file).read().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self):
        """Stops, newest first, each daemon this object started, and waits for
        it to go (slurmd ends its jobs' steps as it goes)."""
        for name, pid_file in reversed(self.started):
            pid = self._pid(pid_file)
            if not pid:
                continue
            subprocess.run(self.sudo + ["kill", "-TERM", str(pid)], capture_output=True)
            deadline = time.time() + 15
            while time.time() < deadline and os.path.exists(f"/proc/{pid}"):
                time.sleep(0.1)
            if os.path.exists(f"/proc/{pid}"):
                subprocess.run(self.sudo + ["kill", "-KILL", str(pid)], capture_output=True)
        self.started = []
