#!/usr/bin/env cwl-runner
# somatic-scatter: the reference cut into N balanced region shards, one BED
# each (shards/shard_0001.bed ...), for somatic-snv's --regions-file.
cwlVersion: v1.2
class: CommandLineTool
label: somatic-scatter
doc: Cuts a reference into balanced region shards for parallel runs.
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
baseCommand: somatic-scatter
arguments:
  - {prefix: --out-dir, valueFrom: shards}
inputs:
  reference:
    type: File
    secondaryFiles: [.fai]
    inputBinding: {prefix: --reference}
  shards:
    type: int
    inputBinding: {prefix: --shards}
outputs:
  beds:
    doc: The shards in reference order (their zero-padded names sort so).
    type: File[]
    outputBinding: {glob: shards/*.bed}
