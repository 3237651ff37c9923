#!/usr/bin/env cwl-runner
# A tumour-normal pair through the somatic tools, the steps of
# workflows/snakemake/Snakefile for one pair:
#   somatic-scatter -> somatic-snv per shard (scattered) -> bcftools concat
#   (+ .tbi) and the shards' callable BEDs joined -> somatic-cnv run on the
#   gathered het sites; somatic-msi scan and call; somatic-sig catalogue and
#   fit on the gathered SNVs; and somatic-report of them all (with the
#   callable territory, so with the TMB).
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
  threads: {type: int, default: 1, doc: "threads of somatic-snv, somatic-cnv, somatic-msi and somatic-sig fit"}
  msi_min_depth: {type: "int?", doc: "somatic-msi call's --min-depth (its default when not given)"}
outputs:
  snv: {type: File, secondaryFiles: [.tbi], outputSource: gather_snv/vcf}
  hets: {type: File, secondaryFiles: [.tbi], outputSource: gather_hets/vcf}
  callable: {type: File, outputSource: gather_callable/bed}
  cnv_segments: {type: File, outputSource: cnv/segments}
  cnv_summary: {type: File, outputSource: cnv/summary}
  cnv_seg: {type: File, outputSource: cnv/seg}
  catalogue: {type: File, outputSource: sig_catalogue/catalogue}
  exposures: {type: File, outputSource: sig_fit/exposures}
  msi_sites: {type: File, outputSource: msi_scan/sites}
  msi_calls: {type: File, outputSource: msi_call/calls}
  msi_summary: {type: File, outputSource: msi_call/summary}
  report_html: {type: File, outputSource: report/html}
  report_json: {type: File, outputSource: report/json}
steps:
  scatter:
    run: somatic-scatter.cwl
    in: {reference: reference, shards: shards}
    out: [beds]
  call_snv:
    run: somatic-snv.cwl
    scatter: regions_file
    in: {tumour: tumour, normal: normal, reference: reference, threads: threads, regions_file: scatter/beds}
    out: [calls, hets, callable]
  gather_snv:
    run: bcftools-concat.cwl
    in: {vcfs: call_snv/calls, sample: sample, kind: {default: snv}}
    out: [vcf]
  gather_hets:
    run: bcftools-concat.cwl
    in: {vcfs: call_snv/hets, sample: sample, kind: {default: hets}}
    out: [vcf]
  gather_callable:
    run: concat-beds.cwl
    in: {beds: call_snv/callable, sample: sample}
    out: [bed]
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
  msi_scan:
    run: somatic-msi-scan.cwl
    in: {reference: reference, threads: threads}
    out: [sites]
  msi_call:
    run: somatic-msi-call.cwl
    in: {tumour: tumour, normal: normal, reference: reference, sites: msi_scan/sites, min_depth: msi_min_depth,
         threads: threads, sample: sample}
    out: [calls, summary]
  report:
    run: somatic-report.cwl
    in: {snv: gather_snv/vcf, callable: gather_callable/bed, cnv: cnv/segments, cnv_summary: cnv/summary, signatures: sig_fit/exposures,
         catalogue: sig_catalogue/catalogue, msi: msi_call/summary, allow_sample_mismatch: {default: true},
         sample: sample}
    out: [html, json]
