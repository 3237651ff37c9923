#!/usr/bin/env cwl-runner
# somatic-msi call: the tumour's microsatellite instability against its
# normal: a per-site table and the summary somatic-report reads.
cwlVersion: v1.2
class: CommandLineTool
label: somatic-msi call
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
baseCommand: [somatic-msi, call]
arguments:
  - {prefix: --summary, valueFrom: $(inputs.sample).msi.summary.tsv}
  - {prefix: -o, valueFrom: $(inputs.sample).msi.tsv, position: 10}
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
  sites:
    type: File
    inputBinding: {prefix: --sites}
  min_depth:
    doc: Reads each sample needs at a site for it to be tested (the tool's default when not given).
    type: int?
    inputBinding: {prefix: --min-depth}
  threads:
    type: int
    default: 1
    inputBinding: {prefix: --threads}
  sample:
    doc: Names the outputs, SAMPLE.msi.tsv and SAMPLE.msi.summary.tsv.
    type: string
outputs:
  calls:
    type: File
    outputBinding: {glob: $(inputs.sample).msi.tsv}
  summary:
    type: File
    outputBinding: {glob: $(inputs.sample).msi.summary.tsv}
