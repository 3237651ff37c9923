#!/usr/bin/env cwl-runner
# somatic-cnv run: copy-number segments, purity and ploidy of a pair, from its
# alignments and the normal's heterozygous sites (somatic-snv --germline-hets).
cwlVersion: v1.2
class: CommandLineTool
label: somatic-cnv run
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 2, ramMin: 256}
  ToolTimeLimit: {timelimit: 300}
baseCommand: [somatic-cnv, run]
arguments:
  - {prefix: --summary, valueFrom: $(inputs.sample).cnv.summary.tsv}
  - {prefix: --seg, valueFrom: $(inputs.sample).cnv.seg}
  - {prefix: -o, valueFrom: $(inputs.sample).cnv.bed, position: 10}
inputs:
  tumour:
    type: File
    secondaryFiles: [.bai]
    inputBinding: {prefix: --tumour}
  normal:
    type: File
    secondaryFiles: [.bai]
    inputBinding: {prefix: --normal}
  reference:
    type: File
    secondaryFiles: [.fai]
    inputBinding: {prefix: --reference}
  germline_hets:
    type: File
    secondaryFiles: [.tbi]
    inputBinding: {prefix: --germline-hets}
  somatic_vcf:
    type: File?
    doc: "somatic-snv's calls: their allele fractions weigh doubled against undoubled fits"
    inputBinding: {prefix: --somatic-vcf}
  threads:
    type: int
    default: 1
    inputBinding: {prefix: --threads}
  sample:
    type: string
    inputBinding: {prefix: --sample}
outputs:
  segments:
    type: File
    outputBinding: {glob: $(inputs.sample).cnv.bed}
  summary:
    type: File
    outputBinding: {glob: $(inputs.sample).cnv.summary.tsv}
  seg:
    type: File
    outputBinding: {glob: $(inputs.sample).cnv.seg}
