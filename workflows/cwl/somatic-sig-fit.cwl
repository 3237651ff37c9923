#!/usr/bin/env cwl-runner
# somatic-sig fit: the exposures of a catalogue's samples to reference
# signatures (COSMIC's table layout).
cwlVersion: v1.2
class: CommandLineTool
label: somatic-sig fit
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
baseCommand: [somatic-sig, fit]
arguments:
  - {prefix: -o, valueFrom: $(inputs.sample).exposures.tsv, position: 10}
inputs:
  signatures:
    type: File
    inputBinding: {prefix: --signatures}
  threads:
    type: int
    default: 1
    inputBinding: {prefix: --threads}
  catalogue:
    type: File
    inputBinding: {position: 11}
  sample:
    doc: Names the output, SAMPLE.exposures.tsv.
    type: string
outputs:
  exposures:
    type: File
    outputBinding: {glob: $(inputs.sample).exposures.tsv}
