#!/usr/bin/env cwl-runner
# The gather step of the shards' callable territories: BEDs given in shard
# order, concatenated into SAMPLE.callable.bed. The shards do not overlap and
# come in reference order, so the result is sorted without a sort.
cwlVersion: v1.2
class: CommandLineTool
label: concatenate BEDs
hints:
  SoftwareRequirement:
    packages:
      coreutils:
        specs: [https://packages.debian.org/coreutils, https://anaconda.org/conda-forge/coreutils]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
baseCommand: cat
inputs:
  beds:
    type: File[]
    inputBinding: {position: 1}
  sample:
    type: string
stdout: $(inputs.sample).callable.bed
outputs:
  bed:
    type: stdout
