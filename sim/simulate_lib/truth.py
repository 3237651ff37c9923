"""Truth files: germline and somatic VCFs, copy-number BED and TSV summaries.

VCFs are VCF 4.2, bgzipped and tabix-indexed (1-based POS); BED files are
0-based half-open. Nothing written here depends on the output path, so two
runs with the same seed and arguments give identical files.
"""
import subprocess

import numpy as np

from . import signatures as sig


def _bgzip_index(path, preset):
    subprocess.run(["bgzip", "-f", path], check=True)
    subprocess.run(["tabix", "-f", "-p", preset, path + ".gz"], check=True)


def _contig_lines(genome):
    return [f"##contig=<ID={n},length={int(l)}>" for n, l in zip(genome.names, genome.lengths)]


def write_germline(path, genome, germline, normal_name, source, indels=None):
    """Germline SNPs and (when given) germline indels, in position order."""
    chrom, pos = genome.to_local(germline.pos)
    gts = germline.genotypes()
    rows = list(zip(germline.pos.tolist(), chrom, pos.tolist(), germline.ref.tobytes().decode(),
                    germline.alt.tobytes().decode(), gts))
    if indels is not None and len(indels):
        ichrom, ipos = genome.to_local(indels.pos)
        igts = np.where(indels.on_a & indels.on_b, "1|1", np.where(indels.on_a, "1|0", "0|1"))
        rows += list(zip(indels.pos.tolist(), ichrom, ipos.tolist(), indels.ref, indels.alt, igts))
        rows.sort(key=lambda r: r[0])
    lines = ["##fileformat=VCFv4.2", f"##source={source}", "##reference=ref.fa"]
    lines += _contig_lines(genome)
    lines.append('##FORMAT=<ID=GT,Number=1,Type=String,Description="Phased genotype of the '
                 'normal: first allele haplotype A, second haplotype B">')
    lines.append("\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO",
                            "FORMAT", normal_name]))
    for _, c, p, r, a, gt in rows:
        lines.append(f"{c}\t{p + 1}\t.\t{r}\t{a}\t.\tPASS\t.\tGT\t{gt}")
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    _bgzip_index(path, "vcf")


def expected_vafs(somatic, purity, ploidy, tumour_in_normal):
    p, t = purity, tumour_in_normal
    alt = p * somatic.ccf * somatic.mut_copies
    tumour = alt / (p * somatic.cn + 2 * (1 - p))
    a = 2 * (1 - p) + p * ploidy
    normal = t * alt / a / ((1 - t) + t * (p * somatic.cn + 2 * (1 - p)) / a)
    return tumour, normal


SNV_INFO = [
    ("EXPECTED_VAF", "1", "Float", "Expected tumour VAF: purity*CCF*MUT_COPIES/(purity*CN+2*(1-purity))"),
    ("NORMAL_EXPECTED_VAF", "1", "Float", "Expected VAF in the normal sample (non-zero only with tumour-in-normal contamination)"),
    ("CN", "1", "Integer", "Tumour total copy number at the site"),
    ("HAPLOTYPE", "1", "String", "Haplotype carrying the SNV (A or B, as in germline.vcf.gz GT order)"),
    ("HAP_CN", "1", "Integer", "Tumour copy number of that haplotype"),
    ("MUT_COPIES", "1", "Integer", "Number of tumour copies carrying the SNV"),
    ("CCF", "1", "Float", "Cancer cell fraction of the SNV"),
    ("CLONAL", "0", "Flag", "SNV is clonal (CCF 1)"),
    ("CHANNEL", "1", "String", "SBS96 channel, pyrimidine reference, e.g. A[C>A]A"),
    ("SIGNATURE", "1", "String", "Signature the channel was drawn from"),
]


def _vcf_lines(genome, source, info_fields):
    """A truth VCF's header lines, up to #CHROM."""
    lines = ["##fileformat=VCFv4.2", f"##source={source}", "##reference=ref.fa"]
    lines += _contig_lines(genome)
    lines += [f'##INFO=<ID={i},Number={n},Type={t},Description="{d}">' for i, n, t, d in info_fields]
    lines.append("\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"]))
    return lines


def _common_info(events, vaf, nvaf, i):
    """The INFO fields every somatic truth record has (SNV_INFO[:8])."""
    info = [f"EXPECTED_VAF={vaf[i]:.6g}", f"NORMAL_EXPECTED_VAF={nvaf[i]:.6g}",
            f"CN={int(events.cn[i])}", f"HAPLOTYPE={'AB'[int(events.hap[i])]}",
            f"HAP_CN={int(events.hap_cn[i])}", f"MUT_COPIES={int(events.mut_copies[i])}",
            f"CCF={float(events.ccf[i]):.6g}"]
    if events.clonal[i]:
        info.append("CLONAL")
    return info


def _write_vcf(path, lines):
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    _bgzip_index(path, "vcf")


def write_snvs(path, genome, somatic, sig_names, purity, ploidy, tumour_in_normal, source):
    chrom, pos = genome.to_local(somatic.pos)
    vaf, nvaf = expected_vafs(somatic, purity, ploidy, tumour_in_normal)
    lines = _vcf_lines(genome, source, SNV_INFO)
    for i in range(len(somatic)):
        info = _common_info(somatic, vaf, nvaf, i)
        info += [f"CHANNEL={sig.CHANNELS[int(somatic.channel[i])]}",
                 f"SIGNATURE={sig_names[int(somatic.signature[i])]}"]
        lines.append(f"{chrom[i]}\t{int(pos[i]) + 1}\tsnv{i + 1}\t{somatic.ref[i]}\t"
                     f"{somatic.alt[i]}\t.\tPASS\t{';'.join(info)}")
    _write_vcf(path, lines)


INDEL_INFO = SNV_INFO[:8] + [
    ("RU", "1", "String", "Repeat unit: the smallest unit the inserted or deleted bases are made of"),
    ("RC", "1", "Integer", "Copies of RU in the reference from the base after POS"),
    ("IC", "1", "Integer", "Copies of RU in the indel allele"),
    ("CONTEXT", "1", "String", "homopolymer (RU of 1 bp, RC >= 4), str (RU of 2-6 bp, RC >= 3) or none"),
    ("MH", "1", "Integer", "Microhomology of a deletion: its first bases repeated right after it"),
]
MNV_INFO = SNV_INFO[:8] + [("MNV", "0", "Flag", "Multi-base substitution: adjacent bases changed on the same copies")]


def write_small(path, genome, events, purity, ploidy, tumour_in_normal, source, kind):
    """truth.indel.vcf (kind 'indel') or truth.mnv.vcf (kind 'mnv')."""
    chrom, pos = genome.to_local(events.pos)
    vaf, nvaf = expected_vafs(events, purity, ploidy, tumour_in_normal)
    lines = _vcf_lines(genome, source, INDEL_INFO if kind == "indel" else MNV_INFO)
    for i in range(len(events)):
        info = _common_info(events, vaf, nvaf, i)
        if kind == "indel":
            e = events.info[i]
            info += [f"RU={e['RU']}", f"RC={e['RC']}", f"IC={e['IC']}", f"CONTEXT={e['CONTEXT']}",
                     f"MH={e['MH']}"]
        else:
            info.append("MNV")
        lines.append(f"{chrom[i]}\t{int(pos[i]) + 1}\t{kind}{i + 1}\t{events.ref[i]}\t"
                     f"{events.alt[i]}\t.\tPASS\t{';'.join(info)}")
    _write_vcf(path, lines)


def write_cn(path, genome, cn):
    """The clone's state, then the subclone's (the same where it has no
    change of its own) and the cell fraction of a subclonal state (0 without)."""
    with open(path, "w") as fh:
        fh.write("#chrom\tstart\tend\ttotal_cn\tmajor_cn\tminor_cn\thapA_cn\thapB_cn\t"
                 "subclonal_total_cn\tsubclonal_hapA_cn\tsubclonal_hapB_cn\tcell_fraction\n")
        for name, s, e, a, b, sa, sb, f in cn.bed_rows(genome):
            fh.write(f"{name}\t{s}\t{e}\t{a + b}\t{max(a, b)}\t{min(a, b)}\t{a}\t{b}\t"
                     f"{sa + sb}\t{sa}\t{sb}\t{f:g}\n")


def write_purity_ploidy(path, purity, ploidy, wgd, tumour_in_normal, subclone_ccf):
    with open(path, "w") as fh:
        fh.write("purity\tploidy\twgd\ttumour_in_normal\tsubclone_ccf\n")
        fh.write(f"{purity:g}\t{ploidy:.6f}\t{str(bool(wgd)).lower()}\t{tumour_in_normal:g}\t{subclone_ccf:g}\n")


def write_exposures(path, sig_names, somatic):
    counts = np.bincount(somatic.signature, minlength=len(sig_names)) if len(somatic) else \
        np.zeros(len(sig_names), dtype=int)
    total = max(1, int(counts.sum()))
    with open(path, "w") as fh:
        fh.write("signature\tcount\tfraction\n")
        for name, c in zip(sig_names, counts):
            fh.write(f"{name}\t{int(c)}\t{c / total:.6f}\n")


def write_segdups(path, segdups):
    with open(path, "w") as fh:
        fh.write("#chrom\tstart\tend\n")
        for c, s, e in segdups:
            fh.write(f"{c}\t{s}\t{e}\n")


def write_params(path, params):
    with open(path, "w") as fh:
        fh.write("parameter\tvalue\n")
        for k, v in params:
            fh.write(f"{k}\t{v}\n")
