#!/usr/bin/env cwl-runner
# somatic-sig catalogue: a pair's SBS96 catalogue (one column, named SAMPLE)
# from its somatic SNVs.
cwlVersion: v1.2
class: CommandLineTool
label: somatic-sig catalogue
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
baseCommand: [somatic-sig, catalogue]
arguments:
  - {prefix: -o, valueFrom: $(inputs.sample).sbs96.tsv, position: 10}
inputs:
  reference:
    type: File
    secondaryFiles: [.fai]
    inputBinding: {prefix: --reference}
  sample:
    type: string
    inputBinding: {prefix: --sample-names}
  vcf:
    type: File
    inputBinding: {position: 11}
outputs:
  catalogue:
    type: File
    outputBinding: {glob: $(inputs.sample).sbs96.tsv}
