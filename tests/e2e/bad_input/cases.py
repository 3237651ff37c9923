"""The bad-input corpus: one row per mistake a user makes, for every tool.

Each row is (name, tool, arguments, exit code, message[, expectations of
standard output: {"stdout": [expressions that must match], "stdout_not":
[expressions that must not]}]). The message is a
regular expression the one error line on standard error must match after
'<tool>: error: '; it names the file and the problem, and the hint in
parentheses where the tool gives one. Usage errors exit 2, everything else 1.
Rows with exit code 0 are inputs that look wrong but are accepted on
purpose; their message, if any, must appear on standard error as a warning
or note, and there must be no error line.

Placeholders in the arguments:
  {bad}     testdata/bad (made by testdata/bad/make-fixtures.sh)
  {cnvbad}  testdata/cnv/bad, {sigbad} testdata/sig/bad (somatic-cnv's and
            somatic-sig's fixtures, made with their tests)
  {sig}     testdata/sig, {p1} testdata/pair1, {p2} testdata/pair2,
            {msi} testdata/msi
  {tmp}     a scratch directory; the runner makes there, before the cases
            run, what cannot be committed: stale.bam (index older than the
            data), stale.vcf.gz (the same for a VCF), unreadable.bam/.tsv/.vcf
            (mode 000; mode 000 does not stop root, so as root those cases
            run as the user 'nobody'), and a directory dir/
  {out}     an output file in {tmp}: after a failure no file may exist under
            its name
A row whose arguments start with the word CLOSED_STDOUT runs with standard
output closed.
"""
import re

SNV = "somatic-snv"
CNV = "somatic-cnv"
SIG = "somatic-sig"
MSI = "somatic-msi"

# somatic-snv's inputs that work, each row replacing one of them.
_T, _N, _F = "{bad}/mini_tumour.bam", "{bad}/mini_normal.bam", "{p2}/ref.fa"


def snv(**change):
    args = {"--tumour": _T, "--normal": _N, "--reference": _F, "-o": "{out}.vcf.gz"}
    args.update(change)
    out = []
    for k, v in args.items():
        if v is not None:
            out += [k, v]
    return out


def cnv_run(*extra):
    return ["run", "--tumour", _T, "--normal", _N, "-f", _F, *extra]


_SIGS = "{sig}/signatures.tsv"
_CAT = ["catalogue", "-f", "{sig}/ref.fa"]
_TRUNCATED = r"the file is truncated \(no end-of-file marker\) \(.*produce the file again\)"
_DISK_FULL = r"/dev/full: (cannot write|write failed): No space left on device \(is the disk full\?\)"

def msi(**change):
    """somatic-msi call on the mini pair and pair2's sites, one input replaced."""
    args = {"--tumour": "{bad}/mini_tumour.bam", "--normal": "{bad}/mini_normal.bam", "--reference": "{p2}/ref.fa",
            "--sites": "{msi}/pair2.sites.bed", "-o": "{out}"}
    args.update(change)
    out = ["call"]
    for k, v in args.items():
        if v is not None:
            out += [k, v]
    return out


CASES = [
    # ---------------------------------------------------------------- somatic-snv
    ("truncated BAM", SNV, snv(**{"--tumour": "{bad}/truncated.bam"}), 1, r"truncated\.bam: " + _TRUNCATED),
    ("truncated CRAM", SNV, snv(**{"--tumour": "{bad}/truncated.cram"}), 1, r"truncated\.cram: " + _TRUNCATED),
    ("BAM without index", SNV, snv(**{"--tumour": "{bad}/unindexed.bam"}), 1,
     r"unindexed\.bam: no index found \(index it with 'samtools index .*unindexed\.bam'\)"),
    ("stale BAM index", SNV, snv(**{"--tumour": "{tmp}/stale.bam"}), 1,
     r"stale\.bam: the index .*stale\.bam\.bai is older than the data file \(re-index it"),
    ("BAM without an SM tag", SNV, snv(**{"--tumour": "{bad}/no_sample.bam"}), 1,
     r"no_sample\.bam: no read group with a sample name"),
    ("BAM with two samples", SNV, snv(**{"--tumour": "{bad}/two_samples.bam"}), 1,
     r"two_samples\.bam: .*holds more than one sample"),
    ("reference without the chr prefix", SNV, snv(**{"--reference": "{bad}/chr_prefix.fa"}), 1,
     r"mini_tumour\.bam: contig names differ from the reference .*chr_prefix\.fa by a 'chr' prefix .*\(use a reference"),
    ("reference of another assembly", SNV, snv(**{"--reference": "{bad}/other_length.fa"}), 1,
     r"contig 'chr1' is 60000 bp here but 53940 bp in the reference .*other_length\.fa \(the data and the reference come from different assemblies\)"),
    ("CRAM on a reference of another assembly", SNV,
     snv(**{"--tumour": "{bad}/mini_tumour.cram", "--reference": "{bad}/other_length.fa"}), 1,
     r"contig 'chr1' is 60000 bp here but 53940 bp in the reference"),
    ("CRAM without --reference", SNV, snv(**{"--tumour": "{bad}/mini_tumour.cram", "--reference": None}), 2,
     r"--reference is required"),
    ("missing reference", SNV, snv(**{"--reference": "{tmp}/none.fa"}), 1, r"none\.fa: cannot open the reference"),
    ("empty reference", SNV, snv(**{"--reference": "{bad}/empty.fa"}), 1,
     r"empty\.fa: cannot open the reference FASTA or its index \("),
    ("directory as BAM", SNV, snv(**{"--normal": "{tmp}/dir"}), 1, r"dir: is a directory"),
    ("missing BAM", SNV, snv(**{"--normal": "{tmp}/none.bam"}), 1, r"none\.bam: no such file"),
    ("empty BAM", SNV, snv(**{"--tumour": "{bad}/empty.bam"}), 1, r"empty\.bam: is not a BAM or CRAM file"),
    ("text file named .bam", SNV, snv(**{"--tumour": "{bad}/not_a_bam.bam"}), 1,
     r"not_a_bam\.bam: is not a BAM or CRAM file"),
    ("unreadable BAM", SNV, snv(**{"--tumour": "{tmp}/unreadable.bam", "-o": None}), 1, r"unreadable\.bam: .*(ermission|cannot open)"),
    ("zero-length region", SNV, snv(**{"-r": "chr1:200-100"}), 2, r"zero-length region"),
    ("region past the contig end", SNV, snv(**{"-r": "chr1:59000-70000"}), 2, r"end is past the end of chr1"),
    ("region on an unknown contig", SNV, snv(**{"-r": "1:1-100"}), 2, r"did you mean 'chr1'"),
    ("empty regions file", SNV, snv(**{"-R": "{bad}/empty.bed"}), 1, r"empty\.bed: the regions file holds no intervals"),
    ("regions file past the contig end", SNV, snv(**{"-R": "{bad}/past_end.bed"}), 1,
     r"past_end\.bed: interval ends past the end of chr1 \(60000 bp\) at line 1"),
    ("targets with a zero-length interval", CNV, ["bins", "-f", _F, "--targets", "{bad}/zero_length.bed", _T], 1,
     r"zero_length\.bed: zero-length interval chr1:100"),
    ("empty targets file", CNV, ["bins", "-f", _F, "--targets", "{bad}/empty.bed", _T], 1,
     r"empty\.bed: the targets file holds no intervals"),
    ("regions file with a zero-length interval", SNV, snv(**{"-R": "{bad}/zero_length.bed"}), 1,
     r"zero_length\.bed: zero-length interval chr1:100"),
    ("truncated bgzipped VCF of sites", SNV, snv(**{"--force-sites": "{bad}/truncated.vcf.gz"}), 1,
     r"truncated\.vcf\.gz: " + _TRUNCATED),
    ("truncated BCF of sites", SNV, snv(**{"--force-sites": "{bad}/truncated.bcf"}), 1, r"truncated\.bcf: " + _TRUNCATED),
    ("empty VCF of sites", SNV, snv(**{"--force-sites": "{bad}/empty.vcf.gz"}), 1,
     r"empty\.vcf\.gz: the file is empty \(a VCF starts with"),
    ("VCF of sites without index", SNV, snv(**{"--germline-resource": "{bad}/unsorted.vcf"}), 1,
     r"unsorted\.vcf: no index found \(compress it with bgzip and index it"),
    ("stale VCF index", SNV, snv(**{"--panel-of-normals": "{tmp}/stale.vcf.gz"}), 1,
     r"stale\.vcf\.gz: the index .*stale\.vcf\.gz\.tbi is older than the data file \(re-index it"),
    # Named the other way, a sites file matches no call and would be ignored:
    # every germline variant would pass in tumour-only mode.
    ("germline resource without the chr prefix", SNV,
     snv(**{"--normal": None, "--germline-resource": "{bad}/chr_prefix.vcf.gz"}), 1,
     r"chr_prefix\.vcf\.gz: contig names differ from the reference .*ref\.fa by a 'chr' prefix "
     r"\('1' here, 'chr1' there\) \(use a file with the same contig naming"),
    ("panel of normals without the chr prefix", SNV, snv(**{"--panel-of-normals": "{bad}/chr_prefix.vcf.gz"}), 1,
     r"chr_prefix\.vcf\.gz: contig names differ from the reference .*by a 'chr' prefix"),
    ("unknown output type", SNV, snv(**{"-O": "x"}), 2, r"unknown --output-type 'x'"),
    ("no --tumour", SNV, snv(**{"--tumour": None}), 2, r"--tumour is required"),
    ("zero threads", SNV, snv(**{"--threads": "0"}), 2, r"--threads must be at least 1"),
    # The library checks these in its field names; the tool says the flag.
    ("chunk size too small", SNV, snv(**{"--chunk-size": "999"}), 2, r"--chunk-size must be at least 1000$"),
    ("no alt read needed", SNV, snv(**{"--min-alt-reads": "0"}), 2, r"--min-alt-reads must be at least 1$"),
    ("tumour in normal out of range", SNV, snv(**{"--tumour-in-normal": "0.6"}), 2,
     r"--tumour-in-normal must be between 0 and 0.5$"),
    ("shared prior out of range", SNV, snv(**{"--shared-prior": "0.01"}), 2,
     r"--shared-prior must be between 0 and 0.01$"),
    ("shared prior not a number", SNV, snv(**{"--shared-prior": "1e-8x"}), 2,
     r"--shared-prior must be 'auto' or a number, not '1e-8x'"),
    ("somatic prior not a number", SNV, snv(**{"--somatic-prior": "1e-6x"}), 2,
     r"--somatic-prior must be 'auto' or a number, not '1e-6x'"),
    ("somatic prior out of range", SNV, snv(**{"--somatic-prior": "0.5"}), 2,
     r"--somatic-prior must be between 0 and 0.01"),
    ("orientation-artefact rate out of range", SNV, snv(**{"--orientation-artefact-rate": "0.9"}), 2,
     r"--orientation-artefact-rate must be between 0 and 0.45"),
    ("unknown option", SNV, snv(**{"--bogus": "1"}), 2, r"unrecognised option '--bogus'"),
    ("output on a full disk", SNV, snv(**{"-o": "/dev/full"}), 1, _DISK_FULL),
    ("germline hets on a full disk", SNV, snv(**{"--germline-hets": "/dev/full"}), 1, _DISK_FULL),
    ("output in a missing directory", SNV, snv(**{"-o": "{tmp}/none/calls.vcf"}), 1,
     r"none/calls\.vcf: cannot write: No such file or directory \(check the directory exists"),
    ("output is a directory", SNV, snv(**{"-o": "{tmp}/dir"}), 1, r"dir: is a directory \(give the output a file name\)"),
    ("closed standard output", SNV, ["CLOSED_STDOUT"] + snv(**{"-o": None}), 1,
     r"standard output: cannot write: Bad file descriptor \(is the output closed\?\)"),
    ("calls and germline hets under one name", SNV, snv(**{"--germline-hets": "{out}.vcf.gz"}), 2,
     r"-o and --germline-hets name the same output \(.*\.vcf\.gz\) \(give each output its own file\)"),
    ("unsorted regions file is sorted (accepted)", SNV, snv(**{"-R": "{bad}/unsorted.bed"}), 0, None),

    # ---------------------------------------------------------------- somatic-cnv
    ("bins tables of different layouts", CNV,
     ["ratio", "{cnvbad}/tumour.bins.tsv", "{cnvbad}/different_layout.bins.tsv"], 1, r"binned differently"),
    ("bins tables made on different references", CNV,
     ["ratio", "{cnvbad}/tumour.bins.tsv", "{cnvbad}/different_reference.bins.tsv"], 1, r"different references"),
    ("empty bins table", CNV, ["ratio", "{cnvbad}/empty.bins.tsv", "{cnvbad}/tumour.bins.tsv"], 1,
     r"empty\.bins\.tsv: the file is empty"),
    ("unsorted bins table", CNV, ["ratio", "{cnvbad}/unsorted.bins.tsv", "{cnvbad}/tumour.bins.tsv"], 1,
     r"unsorted\.bins\.tsv: .*rows are not sorted"),
    ("NaN in a bins table", CNV, ["ratio", "{cnvbad}/nan.bins.tsv", "{cnvbad}/tumour.bins.tsv"], 1,
     r"nan\.bins\.tsv: column 'reads' holds NaN at line 3"),
    ("Inf in a log2 table", CNV, ["segment", "{cnvbad}/inf.log2.tsv"], 1, r"inf\.log2\.tsv: .*infinite value at line 3"),
    ("unsorted log2 table", CNV, ["segment", "{cnvbad}/unsorted.log2.tsv"], 1, r"unsorted\.log2\.tsv: .*rows are not sorted"),
    ("empty log2 table", CNV, ["segment", "{cnvbad}/empty.log2.tsv"], 1, r"empty\.log2\.tsv: .*no data rows"),
    ("missing table", CNV, ["segment", "{cnvbad}/does_not_exist.tsv"], 1, r"does_not_exist\.tsv: no such file"),
    ("directory as table", CNV, ["segment", "{tmp}/dir"], 1, r"dir: is a directory"),
    ("unreadable table", CNV, ["segment", "{tmp}/unreadable.tsv"], 1, r"unreadable\.tsv: .*(ermission|cannot open)"),
    ("sites VCF on another assembly", CNV,
     ["baf", "--snp-sites", "{cnvbad}/wrong_assembly.sites.vcf", "--tumour", "{p1}/tumour.bam",
      "--normal", "{p1}/normal.bam", "-f", "{p1}/ref.fa"], 1, r"wrong_assembly\.sites\.vcf: contig 'chr1' is 248956422 bp"),
    ("sites VCF whose REF alleles are not the reference's", CNV,
     ["baf", "--snp-sites", "{cnvbad}/ref_mismatch.sites.vcf", "--tumour", "{p1}/tumour.bam",
      "--normal", "{p1}/normal.bam", "-f", "{p1}/ref.fa"], 1, r"ref_mismatch\.sites\.vcf: .*sites differs from the reference"),
    ("tumour and normal on different references", CNV,
     ["--tumour", "{p1}/tumour.bam", "--normal", "{p2}/normal.bam", "-f", "{p1}/ref.fa"], 1,
     r"normal\.bam: contig 'chr1' is 60000 bp here but 120000 bp in the reference"),
    ("unknown subcommand", CNV, ["segmnet", "x"], 2, r"unknown command 'segmnet'"),
    ("both sources of het sites", CNV, ["--tumour", "t.bam", "--normal", "n.bam", "-f", "{p1}/ref.fa",
                                        "--germline-hets", "a.vcf", "--snp-sites", "b.vcf"], 2, r"not both"),
    ("calls and --seg under one name", CNV, ["fit", "{cnvbad}/no_hets.segments.tsv", "--seg", "{out}.bed", "-o", "{out}.bed"], 2,
     r"-o and --seg name the same output \(.*\.bed\) \(give each output its own file\)"),
    ("purity out of range", CNV, ["fit", "{cnvbad}/no_hets.segments.tsv", "--purity", "1.5"], 2,
     r"--purity must be in \(0, 1\]"),
    # The library checks its option structs in their field names; the tool names its flags.
    ("--het-min-af above --het-max-af", CNV, cnv_run("--het-min-af", "0.9"), 2,
     r"--het-min-af/--het-max-af must satisfy 0 <= min <= max <= 1"),
    ("normal depth window upside down", CNV,
     ["ratio", "{cnvbad}/tumour.bins.tsv", "{cnvbad}/tumour.bins.tsv", "--min-normal-depth-ratio", "4"], 2,
     r"--min-normal-depth-ratio/--max-normal-depth-ratio must satisfy 0 <= min <= max"),
    ("segments shorter than a bin (segment)", CNV, ["segment", "{cnvbad}/inf.log2.tsv", "--min-bins", "0"], 2,
     r"--min-bins must be at least 1"),
    ("segments shorter than a bin (run)", CNV, cnv_run("--min-bins", "0"), 2, r"--min-bins must be at least 1"),
    ("bins of size 0", CNV, ["bins", "-f", _F, "--bin-size", "0", _T], 2, r"--bin-size must be at least 1"),
    ("baf without a source of het sites", CNV, ["baf"], 2, r"give one of --germline-hets and --snp-sites"),
    ("SNP sites without the alignments", CNV, ["baf", "--snp-sites", "{bad}/sites.vcf.gz"], 2,
     r"--snp-sites needs --tumour and --normal"),
    ("--seg and --plot under one name", CNV,
     ["fit", "{cnvbad}/no_hets.segments.tsv", "--seg", "{out}.x", "--plot", "{out}.x"], 2,
     r"--seg and --plot name the same output \(.*\.x\) \(give each output its own file\)"),
    ("bins table where log2 ratios are expected", CNV, ["segment", "{cnvbad}/tumour.bins.tsv"], 1,
     r"tumour\.bins\.tsv: no log2 column found in the header at line 2 \(name it log2, or choose one with --column\)"),
    ("bins table where segments are expected", CNV, ["fit", "{cnvbad}/tumour.bins.tsv"], 1,
     r"tumour\.bins\.tsv: .*not a segments table"),
    ("truncated BAM", CNV, ["bins", "-f", _F, "{bad}/truncated.bam"], 1, r"truncated\.bam: " + _TRUNCATED),
    ("truncated CRAM", CNV, ["bins", "-f", _F, "{bad}/truncated.cram"], 1, r"truncated\.cram: " + _TRUNCATED),
    ("CRAM without --reference", CNV, ["bins", "{bad}/mini_tumour.cram"], 2,
     r"a reference FASTA is required \(give it with --reference\)"),
    ("CRAM on a reference without the chr prefix", CNV, ["bins", "-f", "{bad}/chr_prefix.fa", "{bad}/mini_tumour.cram"], 1,
     r"mini_tumour\.cram: contig names differ from the reference .*chr_prefix\.fa by a 'chr' prefix"),
    ("empty BAM", CNV, ["bins", "-f", _F, "{bad}/empty.bam"], 1, r"empty\.bam: is not a BAM or CRAM file"),
    ("BAM without index", CNV, ["bins", "-f", _F, "{bad}/unindexed.bam"], 1, r"unindexed\.bam: no index found \("),
    ("stale BAM index", CNV, ["bins", "-f", _F, "{tmp}/stale.bam"], 1, r"stale\.bam: the index .* is older than the data file"),
    ("region past the contig end", CNV, ["bins", "-f", _F, "-r", "chr1:59000-70000", _T], 2,
     r"invalid region 'chr1:59000-70000': end is past the end of chr1"),
    ("zero-length region", CNV, ["bins", "-f", _F, "-r", "chr1:200-100", _T], 2, r"zero-length region"),
    ("targets past the contig end", CNV, ["bins", "-f", _F, "--targets", "{bad}/past_end.bed", _T], 1,
     r"past_end\.bed: interval ends past the end of chr1 \(60000 bp\) at line 1"),
    # somatic-snv reads --targets with the same reader as somatic-cnv: the
    # same fixtures give the same messages.
    ("targets with a zero-length interval", SNV, snv(**{"--targets": "{bad}/zero_length.bed"}), 1,
     r"zero_length\.bed: zero-length interval chr1:100"),
    ("empty targets file", SNV, snv(**{"--targets": "{bad}/empty.bed"}), 1,
     r"empty\.bed: the targets file holds no intervals"),
    ("targets past the contig end", SNV, snv(**{"--targets": "{bad}/past_end.bed"}), 1,
     r"past_end\.bed: interval ends past the end of chr1 \(60000 bp\) at line 1"),
    ("negative target padding", SNV, snv(**{"--target-padding": "-1"}), 2, r"--target-padding must be at least 0$"),
    ("truncated VCF of SNP sites", CNV, cnv_run("--snp-sites", "{bad}/truncated.vcf.gz"), 1, r"truncated\.vcf\.gz: " + _TRUNCATED),
    ("SNP sites with missing columns", CNV, cnv_run("--snp-sites", "{bad}/missing_columns.vcf"), 1,
     r"missing_columns\.vcf: malformed VCF record: 5 columns where 10 are needed at data line 1"),
    ("SNP sites with a non-numeric POS", CNV, cnv_run("--snp-sites", "{bad}/non_numeric_pos.vcf"), 1,
     r"non_numeric_pos\.vcf: malformed VCF record: POS '12x4' is not a whole number at data line 1"),
    ("truncated BCF of germline hets", CNV, cnv_run("--germline-hets", "{bad}/truncated.bcf"), 1, r"truncated\.bcf: " + _TRUNCATED),
    ("unsorted germline hets", CNV, cnv_run("--germline-hets", "{bad}/unsorted.hets.vcf"), 1,
     r"unsorted\.hets\.vcf: records are not sorted at chr1:1448 \(sort it with 'bcftools sort'\)"),
    ("output on a full disk", CNV, cnv_run("--snp-sites", "{bad}/sites.vcf.gz", "-o", "/dev/full"), 1, _DISK_FULL),
    ("calls on a full disk leave no side file", CNV,
     cnv_run("--snp-sites", "{bad}/sites.vcf.gz", "--seg", "{out}.seg", "--summary", "{out}.summary.tsv", "-o", "/dev/full"),
     1, _DISK_FULL),
    ("bins on a full disk", CNV, ["bins", "-f", _F, "-o", "/dev/full", _T], 1, _DISK_FULL),
    ("output is a directory", CNV, ["ratio", "{cnvbad}/tumour.bins.tsv", "{cnvbad}/tumour.bins.tsv", "-o", "{tmp}/dir"], 1,
     r"dir: is a directory \(give the output a file name\)"),
    ("output in a missing directory", CNV,
     ["ratio", "{cnvbad}/tumour.bins.tsv", "{cnvbad}/tumour.bins.tsv", "-o", "{tmp}/none/ratio.tsv"], 1,
     r"none/ratio\.tsv: cannot create the file: No such file or directory \(check the directory exists"),
    ("closed standard output", CNV, ["CLOSED_STDOUT", "ratio", "{cnvbad}/tumour.bins.tsv", "{cnvbad}/tumour.bins.tsv"], 1,
     r"standard output: write failed"),
    ("no het sites: depth-only fit (accepted)", CNV, ["fit", "{cnvbad}/no_hets.segments.tsv"], 0,
     r"no heterozygous SNP sites",
     {"stdout": [r"(?m)^##depth_only=1\b", r"(?m)^chr1\t0\t"],
      # no row with a major copy number: without het sites it cannot be known
      "stdout_not": [r"(?m)^chr\S*\t\d+\t\d+\t\S+\t\S+\t\S+\t\d"]}),
    ("unsorted SNP sites are sorted (accepted)", CNV, cnv_run("--snp-sites", "{bad}/unsorted.vcf"), 0, None),

    # ---------------------------------------------------------------- somatic-sig
    ("contig not in the reference", SIG, _CAT + ["{sigbad}/contig_not_in_reference.vcf"], 1,
     r"contig_not_in_reference\.vcf: contig '1' is not in the reference.*did you mean 'chr1'"),
    ("REF disagrees (another assembly)", SIG, _CAT + ["{sigbad}/wrong_assembly.vcf"], 1,
     r"wrong_assembly\.vcf: .*have a REF that disagrees with .*another assembly"),
    ("REF disagrees in one of two records", SIG, ["catalogue", "-f", _F, "{bad}/ref_mismatch.vcf"], 1,
     r"ref_mismatch\.vcf: 1 of 2 records .* have a REF that disagrees with .*ref\.fa; the first at chr1:1448 \("),
    ("exposures and plot under one name", SIG,
     ["fit", "-s", _SIGS, "{sig}/tumour.vcf", "-f", "{sig}/ref.fa", "--plot", "{out}.tsv", "-o", "{out}.tsv"], 2,
     r"-o and --plot name the same output \(.*\.tsv\) \(give each output its own file\)"),
    ("signature table missing a channel", SIG, ["fit", "-s", "{sigbad}/sigs_missing_channel.tsv", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 1,
     r"sigs_missing_channel\.tsv: the signature table lacks 1 of the 96 SBS96 channels \(T\[T>G\]T\)"),
    ("signature table with an extra channel", SIG, ["fit", "-s", "{sigbad}/sigs_extra_channel.tsv", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 1,
     r"sigs_extra_channel\.tsv: the signature table has a row 'A\[G>A\]A' that is not an SBS96 channel at line 98"),
    ("signature not summing to 1", SIG, ["fit", "-s", "{sigbad}/sigs_not_summing.tsv", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 1,
     r"sigs_not_summing\.tsv: signature 'SIG_B' sums to 0\.9, not 1"),
    ("NaN in a signature table", SIG, ["fit", "-s", "{bad}/nan.signatures.tsv", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 1,
     r"nan\.signatures\.tsv: column 'SIG_A' holds NaN at line 10"),
    ("catalogue with a channel that is not SBS96", SIG, ["fit", "-s", _SIGS, "{bad}/wrong_channel.catalogue.tsv"], 1,
     r"wrong_channel\.catalogue\.tsv: the catalogue has a row 'A\[C>U\]A' that is not an SBS96 channel at line 2 \("),
    ("catalogue missing channels", SIG, ["fit", "-s", _SIGS, "{bad}/missing_channels.catalogue.tsv"], 1,
     r"missing_channels\.catalogue\.tsv: the catalogue lacks 2 of the 96 SBS96 channels"),
    ("Inf in a catalogue", SIG, ["fit", "-s", _SIGS, "{bad}/inf.catalogue.tsv"], 1,
     r"inf\.catalogue\.tsv: column 'S1' holds an infinite value at line 5"),
    ("negative count in a catalogue", SIG, ["fit", "-s", _SIGS, "{bad}/negative.catalogue.tsv"], 1,
     r"negative\.catalogue\.tsv: column 'S1' holds '-3', not a number >= 0 at line 5"),
    ("VCF line with 4 columns", SIG, _CAT + ["{sigbad}/malformed_line.vcf"], 1,
     r"malformed_line\.vcf: malformed VCF record: 4 tab-separated columns, at least 8 expected at chr1:200"),
    ("VCF line with 5 columns", SIG, ["catalogue", "-f", _F, "{bad}/missing_columns.vcf"], 1,
     r"missing_columns\.vcf: malformed VCF record: 5 tab-separated columns, at least 8 expected at chr1:1448 \("),
    ("non-numeric POS", SIG, ["catalogue", "-f", _F, "{bad}/non_numeric_pos.vcf"], 1,
     r"non_numeric_pos\.vcf: malformed VCF record: POS '12x4' is not a positive integer at data line 1"),
    ("truncated bgzipped VCF", SIG, ["catalogue", "-f", _F, "{bad}/truncated.vcf.gz"], 1, r"truncated\.vcf\.gz: " + _TRUNCATED),
    ("truncated BCF", SIG, ["catalogue", "-f", _F, "{bad}/truncated.bcf"], 1, r"truncated\.bcf: " + _TRUNCATED),
    ("empty VCF", SIG, _CAT + ["{sigbad}/empty.vcf"], 1, r"empty\.vcf: the file is empty"),
    ("empty bgzipped VCF", SIG, ["catalogue", "-f", _F, "{bad}/empty.vcf.gz"], 1, r"empty\.vcf\.gz: the file is empty \("),
    ("empty file to fit", SIG, ["fit", "-s", _SIGS, "{sigbad}/empty.vcf"], 1, r"empty\.vcf: the file is empty"),
    ("empty reference", SIG, ["catalogue", "-f", "{bad}/empty.fa", "{bad}/sites.vcf.gz"], 1,
     r"empty\.fa: cannot open the reference FASTA or its index \("),
    ("directory as VCF", SIG, _CAT + ["{tmp}/dir"], 1, r"dir: is a directory"),
    ("directory as signature table", SIG, ["fit", "-s", "{tmp}/dir", "{bad}/negative.catalogue.tsv"], 1, r"dir: is a directory"),
    ("unreadable VCF", SIG, _CAT + ["{tmp}/unreadable.vcf"], 1, r"unreadable\.vcf: .*(ermission|cannot open)"),
    ("missing file", SIG, _CAT + ["{sigbad}/absent.vcf"], 1, r"absent\.vcf: no such file"),
    ("VCF without --reference", SIG, ["fit", "-s", _SIGS, "{sig}/tumour.vcf"], 2, r"needs the reference FASTA.*--reference"),
    ("no --signatures", SIG, ["fit", "{sig}/tumour.vcf"], 2, r"--signatures is required"),
    ("unknown --mnv", SIG, _CAT + ["--mnv", "merge", "{sig}/tumour.vcf"], 2, r"unknown --mnv 'merge'"),
    ("unknown --type", SIG, _CAT + ["--type", "sbs192", "{sig}/tumour.vcf"], 2, r"unknown --type 'sbs192' \(use sbs96, id83 or dbs78\)"),
    ("unknown --adjacent", SIG, _CAT + ["--adjacent", "join", "{sig}/tumour.vcf"], 2, r"unknown --adjacent 'join'"),
    ("--type all to standard output", SIG, _CAT + ["--type", "all", "{sig}/tumour.vcf"], 2, r"-o must be a file prefix"),
    ("--type all in fit", SIG, ["fit", "-s", _SIGS, "--type", "all", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 2,
     r"--type all is for catalogue only"),
    ("ID83 catalogue against SBS96 signatures", SIG, ["fit", "-s", _SIGS, "--type", "id83", "{sig}/indels.vcf", "-f", "{sig}/indels.fa"], 1,
     r"signatures\.tsv: has SBS96 channels, but the catalogue of .*indels\.vcf is ID83 \("),
    ("unknown signature in --only", SIG, ["fit", "-s", _SIGS, "--only", "SBS1", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 2,
     r"signature 'SBS1' is not in"),
    ("unknown command", SIG, ["decompose"], 2, r"unknown command 'decompose'"),
    # The library checks these in its options structs' field names; the tool says the flag.
    ("common bonus below 0", SIG, ["fit", "-s", _SIGS, "--common-bonus", "-1", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 2,
     r"--common-bonus must be a number >= 0$"),
    ("max-k below min-k", SIG, ["extract", "--min-k", "3", "--max-k", "2", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 2,
     r"--max-k must be at least --min-k$"),
    ("more signatures than samples", SIG, ["extract", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa"], 2,
     r"--max-k 8 is too large for 1 samples \(K must be below the number of samples"),
    ("catalogue on a full disk", SIG, _CAT + ["{sig}/tumour.vcf", "-o", "/dev/full"], 1, _DISK_FULL),
    ("fit on a full disk", SIG, ["fit", "-s", _SIGS, "--bootstrap", "10", "{sig}/tumour.vcf", "-f", "{sig}/ref.fa",
                                 "-o", "/dev/full"], 1, _DISK_FULL),
    ("output is a directory", SIG, _CAT + ["{sig}/tumour.vcf", "-o", "{tmp}/dir"], 1,
     r"dir: is a directory \(give the output a file name\)"),
    ("output in a missing directory", SIG, _CAT + ["{sig}/tumour.vcf", "-o", "{tmp}/none/catalogue.tsv"], 1,
     r"none/catalogue\.tsv: cannot create the file: No such file or directory \(check the directory exists"),
    ("closed standard output", SIG, ["CLOSED_STDOUT"] + _CAT + ["{sig}/tumour.vcf"], 1, r"standard output: write failed"),
    ("zero-mutation sample (accepted)", SIG, ["fit", "-s", _SIGS, "-f", "{sig}/ref.fa", "{sigbad}/no_pass.vcf"], 0,
     r"no SNV counted(.|\n)*has no mutations", {"stdout": [r"(?m)^TUMOUR_1(\t0)+\t(NA\t)*NA$"]}),
    # ---------------------------------------------------------------- somatic-msi
    ("BAM without index", MSI, msi(**{"--tumour": "{bad}/unindexed.bam"}), 1,
     r"unindexed\.bam: no index found \(index it with 'samtools index .*unindexed\.bam'\)"),
    ("truncated BAM", MSI, msi(**{"--tumour": "{bad}/truncated.bam"}), 1, r"truncated\.bam: " + _TRUNCATED),
    ("not a BAM", MSI, msi(**{"--normal": "{bad}/not_a_bam.bam"}), 1, r"not_a_bam\.bam: is not a BAM or CRAM file"),
    ("empty sites BED", MSI, msi(**{"--sites": "{bad}/empty.bed"}), 1,
     r"empty\.bed: holds no microsatellite \(make one with somatic-msi scan"),
    ("sites BED of three columns", MSI, msi(**{"--sites": "{bad}/unsorted.bed"}), 1,
     r"unsorted\.bed: a site has no unit and count columns at chr1:3001 \(a sites BED has five columns"),
    ("sites past the contig's end", MSI, msi(**{"--sites": "{bad}/past_end.bed"}), 1,
     r"past_end\.bed: interval ends past the end of chr1 \(60000 bp\) at line 1"),
    ("sites on contigs with a chr prefix", MSI, msi(**{"--reference": "{bad}/chr_prefix.fa"}), 1,
     r"pair2\.sites\.bed: contig 'chr1' is not in the reference at line 1 \(did you mean '1'\?"),
    ("no site with reads: status NA (accepted)", MSI, msi(), 0,
     r"no microsatellite has 20 spanning reads in both samples \(of 10 sites\): MSI status not determined \(NA\)"),
    ("no --sites", MSI, msi(**{"--sites": None}), 2, r"--sites is required \(make them with somatic-msi scan\)"),
    ("--fdr out of range", MSI, msi(**{"--fdr": "2"}), 2, r"--fdr must be between 0 and 1$"),
    ("--min-homopolymer below 2", MSI, ["scan", "-f", "{p2}/ref.fa", "--min-homopolymer", "1"], 2,
     r"--min-homopolymer must be at least 2$"),
    ("missing reference", MSI, ["scan", "-f", "{tmp}/none.fa"], 1, r"none\.fa: cannot open the reference"),
    ("scan on a full disk", MSI, ["scan", "-f", "{p2}/ref.fa", "-o", "/dev/full"], 1, _DISK_FULL),
    ("unknown command", MSI, ["score"], 2, r"unknown command 'score'"),
]

# Names are the handle a failure is reported by: one per tool.
assert len({(c[0], c[1]) for c in CASES}) == len(CASES), "two cases share a name"
for c in CASES:
    assert c[1] in (SNV, CNV, SIG, MSI) and c[3] in (0, 1, 2) and (c[3] == 0 or c[4]), c[0]
    for pattern in [c[4] or ""] + (c[5].get("stdout", []) + c[5].get("stdout_not", []) if len(c) > 5 else []):
        re.compile(pattern)
