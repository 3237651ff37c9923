#!/usr/bin/env cwl-runner
# somatic-msi scan: the reference's microsatellites (BED), the sites
# somatic-msi call tests. Made once per reference.
cwlVersion: v1.2
class: CommandLineTool
label: somatic-msi scan
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
baseCommand: [somatic-msi, scan]
arguments:
  - {prefix: -o, valueFrom: $(inputs.reference.nameroot).msi.sites.bed, position: 10}
inputs:
  reference:
    type: File
    secondaryFiles: [.fai]
    inputBinding: {prefix: --reference}
  threads:
    type: int
    default: 1
    inputBinding: {prefix: --threads}
outputs:
  sites:
    type: File
    outputBinding: {glob: $(inputs.reference.nameroot).msi.sites.bed}
