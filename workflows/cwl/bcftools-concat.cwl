#!/usr/bin/env cwl-runner
# The gather step: per-shard VCFs, given in shard order, concatenated into
# SAMPLE.KIND.vcf.gz with its .tbi. Shards are in reference order, so the
# result is sorted without a sort.
cwlVersion: v1.2
class: CommandLineTool
label: bcftools concat
hints:
  SoftwareRequirement:
    packages:
      bcftools:
        specs: [https://packages.debian.org/bcftools, https://anaconda.org/bioconda/bcftools]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
# Two commands (concatenate, then index), with no shell quoting of paths: the
# script takes the output name and the shards as its arguments.
baseCommand: [sh, -c, 'out=$1; shift; bcftools concat -O z -o "$out" "$@" && bcftools index -t "$out"', gather]
inputs:
  vcfs:
    type: File[]
    inputBinding: {position: 2}
  sample:
    type: string
  kind:
    doc: What the VCFs hold (snv, hets); part of the output's name.
    type: string
arguments:
  - {valueFrom: $(inputs.sample).$(inputs.kind).vcf.gz, position: 1}
outputs:
  vcf:
    type: File
    secondaryFiles: [.tbi]
    outputBinding: {glob: $(inputs.sample).$(inputs.kind).vcf.gz}
