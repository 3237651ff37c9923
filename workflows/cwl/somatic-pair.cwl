#!/usr/bin/env cwl-runner
# A tumour-normal pair through the somatic tools, the steps of
# workflows/snakemake/Snakefile for one pair:
#   somatic-scatter -> somatic-snv per shard (scattered) -> bcftools concat
#   (+ .tbi) -> somatic-cnv run on the gathered het sites; somatic-sig
#   catalogue and fit on the gathered SNVs.
#
#   cwltool workflows/cwl/somatic-pair.cwl job.yml
#   toil-cwl-runner --batchSystem slurm workflows/cwl/somatic-pair.cwl job.yml
cwlVersion: v1.2
class: Workflow
label: somatic tumour-normal pair
requirements:
  ScatterFeatureRequirement: {}
inputs:
  sample: {type: string, doc: "the pair's id; names every output"}
  tumour: {type: File, secondaryFiles: [.bai]}
  normal: {type: File, secondaryFiles: [.bai]}
  reference: {type: File, secondaryFiles: [.fai]}
  signatures: {type: File, doc: "reference signatures, COSMIC's table layout"}
  shards: {type: int, default: 4, doc: region shards for somatic-snv}
  threads: {type: int, default: 1, doc: "threads of somatic-snv, somatic-cnv and somatic-sig fit"}
outputs:
  snv: {type: File, secondaryFiles: [.tbi], outputSource: gather_snv/vcf}
  hets: {type: File, secondaryFiles: [.tbi], outputSource: gather_hets/vcf}
  cnv_segments: {type: File, outputSource: cnv/segments}
  cnv_summary: {type: File, outputSource: cnv/summary}
  cnv_seg: {type: File, outputSource: cnv/seg}
  catalogue: {type: File, outputSource: sig_catalogue/catalogue}
  exposures: {type: File, outputSource: sig_fit/exposures}
steps:
  scatter:
    run: somatic-scatter.cwl
    in: {reference: reference, shards: shards}
    out: [beds]
  call_snv:
    run: somatic-snv.cwl
    scatter: regions_file
    in: {tumour: tumour, normal: normal, reference: reference, threads: threads, regions_file: scatter/beds}
    out: [calls, hets]
  gather_snv:
    run: bcftools-concat.cwl
    in: {vcfs: call_snv/calls, sample: sample, kind: {default: snv}}
    out: [vcf]
  gather_hets:
    run: bcftools-concat.cwl
    in: {vcfs: call_snv/hets, sample: sample, kind: {default: hets}}
    out: [vcf]
  cnv:
    run: somatic-cnv-run.cwl
    in: {tumour: tumour, normal: normal, reference: reference, germline_hets: gather_hets/vcf,
         somatic_vcf: gather_snv/vcf, threads: threads, sample: sample}
    out: [segments, summary, seg]
  sig_catalogue:
    run: somatic-sig-catalogue.cwl
    in: {reference: reference, sample: sample, vcf: gather_snv/vcf}
    out: [catalogue]
  sig_fit:
    run: somatic-sig-fit.cwl
    in: {signatures: signatures, threads: threads, catalogue: sig_catalogue/catalogue, sample: sample}
    out: [exposures]
