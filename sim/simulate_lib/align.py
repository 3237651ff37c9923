"""From read pairs to a coordinate-sorted, duplicate-marked, indexed BAM.

Reads stream through pipes, never all in memory or on disk:
  bwa:   FASTQ -> bwa mem -p | samtools fixmate -m | sort | markdup
  truth: SAM   ->              samtools fixmate -m | sort | markdup
bwa runs in the temporary directory with the index given as `ref.fa`, so
its @PG line holds no path, and `-K` fixes its batch size, so its
alignments do not depend on the thread count (its @PG line does record
-t). samtools runs with --no-PG. Same seed, same arguments:
byte-identical BAMs. The tools' chatter goes to a log file in
the temporary directory, shown only when a step fails.
"""
import os
import subprocess


class BamWriter:
    def __init__(self, mode, out_bam, workdir, ref_in_workdir, rg_line, threads,
                 compression_level, header=None):
        self.out_bam = out_bam
        t = str(max(1, threads))
        sort_tmp = os.path.join(workdir, os.path.basename(out_bam) + ".sorttmp")
        self.procs = []
        self.log_path = os.path.join(workdir, os.path.basename(out_bam) + ".log")
        log = open(self.log_path, "wb")
        if mode == "bwa":
            bwa = subprocess.Popen(
                ["bwa", "mem", "-p", "-v", "1", "-t", t, "-K", "20000000", "-R", rg_line,
                 os.path.basename(ref_in_workdir), "-"],
                cwd=os.path.dirname(ref_in_workdir), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=log)
            self.stdin = bwa.stdin
            upstream = bwa.stdout
            self.procs.append(bwa)
        else:
            upstream = None
        fixmate = subprocess.Popen(["samtools", "fixmate", "-m", "-u", "--no-PG", "-", "-"],
                                   stdin=upstream if upstream else subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=log)
        if upstream:
            upstream.close()  # only fixmate reads bwa's output now
        else:
            self.stdin = fixmate.stdin
        sort = subprocess.Popen(["samtools", "sort", "-u", "--no-PG", "-@", t, "-m", "768M",
                                 "-T", sort_tmp, "-"], stdin=fixmate.stdout, stdout=subprocess.PIPE,
                                stderr=log)
        fixmate.stdout.close()
        markdup = subprocess.Popen(["samtools", "markdup", "--no-PG", "-@", t,
                                    "--output-fmt-option", f"level={compression_level}",
                                    "-", out_bam], stdin=sort.stdout, stderr=log)
        sort.stdout.close()
        self.procs += [fixmate, sort, markdup]
        log.close()  # the children hold their own copies
        if header:
            self.stdin.write(header)

    def write(self, data):
        try:
            self.stdin.write(data)
        except BrokenPipeError:
            self._check()  # a tool died: report its log
            raise

    def close(self):
        self.stdin.close()
        self._check()
        subprocess.run(["samtools", "index", self.out_bam], check=True)

    def _check(self):
        for p in self.procs:
            if p.wait() != 0:
                with open(self.log_path, "rb") as fh:
                    tail = fh.read()[-3000:].decode(errors="replace")
                raise RuntimeError(f"{p.args[0]} {p.args[1]} failed with exit code "
                                   f"{p.returncode}:\n{tail}")


def sam_header(genome, rg_line):
    lines = ["@HD\tVN:1.6\tSO:unsorted"]
    lines += [f"@SQ\tSN:{n}\tLN:{int(l)}" for n, l in zip(genome.names, genome.lengths)]
    lines.append(rg_line.replace("\\t", "\t"))
    # no CL: it would hold output paths and make runs differ
    lines.append("@PG\tID:simulate\tPN:simulate\tDS:true alignments of simulated reads")
    return ("\n".join(lines) + "\n").encode()


def bwa_index(ref_fa):
    subprocess.run(["bwa", "index", ref_fa], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
