#!/usr/bin/env cwl-runner
# somatic-snv on the regions of one BED (a shard): somatic SNVs and the
# normal's heterozygous sites (for somatic-cnv), each bgzipped with its .tbi,
# and the callable territory (BED: the TMB's denominator in the report).
cwlVersion: v1.2
class: CommandLineTool
label: somatic-snv
doc: Somatic SNVs of a tumour-normal pair.
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 2, ramMin: 256}
  ToolTimeLimit: {timelimit: 300}
baseCommand: somatic-snv
arguments:
  - {prefix: --germline-hets, valueFrom: $(inputs.regions_file.nameroot).hets.vcf.gz}
  - {prefix: --callable, valueFrom: $(inputs.regions_file.nameroot).callable.bed}
  - {prefix: -o, valueFrom: $(inputs.regions_file.nameroot).snv.vcf.gz, position: 10}
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
  regions_file:
    type: File
    inputBinding: {prefix: --regions-file}
  threads:
    type: int
    default: 1
    inputBinding: {prefix: --threads}
outputs:
  calls:
    type: File
    secondaryFiles: [.tbi]
    outputBinding: {glob: $(inputs.regions_file.nameroot).snv.vcf.gz}
  hets:
    type: File
    secondaryFiles: [.tbi]
    outputBinding: {glob: $(inputs.regions_file.nameroot).hets.vcf.gz}
  callable:
    type: File
    outputBinding: {glob: $(inputs.regions_file.nameroot).callable.bed}
