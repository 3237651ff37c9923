#!/usr/bin/env cwl-runner
# somatic-report: one pair's report (self-contained HTML and its facts as
# JSON) from the other tools' outputs; every input but the sample name is
# optional, and a section without its input says which would fill it.
cwlVersion: v1.2
class: CommandLineTool
label: somatic-report
hints:
  SoftwareRequirement:
    packages:
      somatic:
        specs: [https://packages.debian.org/somatic, https://anaconda.org/bioconda/somatic]
  ResourceRequirement: {coresMin: 1, ramMin: 128}
  ToolTimeLimit: {timelimit: 300}
baseCommand: [somatic-report]
arguments:
  - {prefix: -o, valueFrom: $(inputs.sample).report.html, position: 10}
  - {prefix: --json, valueFrom: $(inputs.sample).report.json, position: 10}
inputs:
  snv:
    doc: Somatic calls (VCF), ideally annotated by bcftools csq, VEP or SnpEff.
    type: File?
    inputBinding: {prefix: --snv}
  callable:
    type: File?
    inputBinding: {prefix: --callable}
  cnv:
    type: File?
    inputBinding: {prefix: --cnv}
  cnv_summary:
    type: File?
    inputBinding: {prefix: --cnv-summary}
  signatures:
    doc: somatic-sig fit's exposures table.
    type: File?
    inputBinding: {prefix: --signatures}
  catalogue:
    type: File?
    inputBinding: {prefix: --catalogue}
  msi:
    type: File?
    inputBinding: {prefix: --msi}
  annotation:
    doc: Gene annotation (GFF3) of the VCF's reference build.
    type: File?
    inputBinding: {prefix: --annotation}
  genes_of_interest:
    type: File?
    inputBinding: {prefix: --genes-of-interest}
  allow_sample_mismatch:
    doc: Tables named by pair id beside a VCF named by the BAMs' samples give a warning, not an error.
    type: boolean
    default: false
    inputBinding: {prefix: --allow-sample-mismatch}
  sample:
    doc: Names the outputs, SAMPLE.report.html and SAMPLE.report.json.
    type: string
outputs:
  html:
    type: File
    outputBinding: {glob: $(inputs.sample).report.html}
  json:
    type: File
    outputBinding: {glob: $(inputs.sample).report.json}
