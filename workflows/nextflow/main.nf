#!/usr/bin/env nextflow
// somatic: tumour-normal pairs from a sample sheet through the somatic tools,
// the same steps as workflows/snakemake/Snakefile:
//   somatic-scatter -> somatic-snv per shard -> bcftools concat (+ .tbi)
//   -> somatic-cnv on the gathered het sites; somatic-msi scan (or the sites
//   of --msi_sites) and call per pair; somatic-sig per pair and for the
//   cohort (one catalogue column per pair, and its exposures); with
//   --annotation, bcftools csq; somatic-report per pair and for the cohort.
//
//   nextflow run workflows/nextflow/main.nf --input samples.tsv --outdir results
nextflow.enable.dsl = 2

include { SOMATIC_SCATTER                              } from './modules/somatic/scatter/main'
include { SOMATIC_SNV                                  } from './modules/somatic/snv/main'
include { BCFTOOLS_CONCAT as GATHER_SNV                } from './modules/local/bcftools_concat/main'
include { BCFTOOLS_CONCAT as GATHER_HETS               } from './modules/local/bcftools_concat/main'
include { SOMATIC_CNV                                  } from './modules/somatic/cnv/main'
include { SOMATIC_MSI_SCAN                             } from './modules/somatic/msi/scan/main'
include { SOMATIC_MSI_CALL                             } from './modules/somatic/msi/call/main'
include { SOMATIC_SIG_CATALOGUE                        } from './modules/somatic/sig/catalogue/main'
include { SOMATIC_SIG_CATALOGUE as COHORT_CATALOGUE    } from './modules/somatic/sig/catalogue/main'
include { SOMATIC_SIG_FIT                              } from './modules/somatic/sig/fit/main'
include { SOMATIC_SIG_FIT as COHORT_FIT                } from './modules/somatic/sig/fit/main'
include { BCFTOOLS_CSQ                                 } from './modules/local/bcftools_csq/main'
include { SOMATIC_REPORT                               } from './modules/somatic/report/render/main'
include { SOMATIC_REPORT_COHORT                        } from './modules/somatic/report/cohort/main'

// An alignment's index: .crai beside a CRAM, .bai beside a BAM.
def index_of(path) {
    file(path.toString().endsWith('.cram') ? "${path}.crai" : "${path}.bai", checkIfExists: true)
}

workflow {
    if (!params.input) error "give the sample sheet with --input"
    if (!params.signatures) error "give the reference signatures with --signatures"
    // Sample sheet: tab-separated, header pair, tumour, normal[, reference].
    pairs = Channel.fromPath(params.input, checkIfExists: true)
        .splitCsv(header: true, sep: '\t')
        .map { row ->
            def reference = row.reference ?: params.reference
            if (!reference) error "sample sheet: pair ${row.pair} has no reference and --reference is not set"
            if (row.pair in ['cohort', 'logs']) error "sample sheet: pair id '${row.pair}' is reserved"
            def tumour = file(row.tumour, checkIfExists: true)
            def normal = file(row.normal, checkIfExists: true)
            def fasta = file(reference, checkIfExists: true)
            tuple([id: row.pair], tumour, index_of(tumour), normal, index_of(normal), fasta, file("${fasta}.fai", checkIfExists: true))
        }
    signatures = file(params.signatures, checkIfExists: true)
    versions = Channel.empty()

    // Scatter: one item per pair and shard.
    SOMATIC_SCATTER(pairs.map { meta, t, ti, n, ni, fa, fai -> tuple(meta, fa, fai) }, params.shards)
    shards = SOMATIC_SCATTER.out.beds.transpose()
    SOMATIC_SNV(pairs.combine(shards, by: 0))

    // Gather in shard order (the names sort as the shards' numbers).
    def by_shard = { a, b -> a.name <=> b.name }
    GATHER_SNV(SOMATIC_SNV.out.vcf.groupTuple(size: params.shards, sort: by_shard))
    GATHER_HETS(SOMATIC_SNV.out.hets.groupTuple(size: params.shards, sort: by_shard))

    SOMATIC_CNV(pairs.join(GATHER_HETS.out.vcf).join(GATHER_SNV.out.vcf))

    // Microsatellites: the sites BED given (made once for the reference), or
    // each pair's reference scanned.
    if (params.msi_sites) {
        msi_sites = pairs.map { meta, t, ti, n, ni, fa, fai -> tuple(meta, file(params.msi_sites, checkIfExists: true)) }
    } else {
        SOMATIC_MSI_SCAN(pairs.map { meta, t, ti, n, ni, fa, fai -> tuple(meta, fa, fai) })
        msi_sites = SOMATIC_MSI_SCAN.out.bed
        versions = versions.mix(SOMATIC_MSI_SCAN.out.versions.first())
    }
    SOMATIC_MSI_CALL(pairs.join(msi_sites))

    SOMATIC_SIG_CATALOGUE(GATHER_SNV.out.vcf
        .join(pairs.map { meta, t, ti, n, ni, fa, fai -> tuple(meta, fa, fai) })
        .map { meta, vcf, tbi, fa, fai -> tuple(meta, vcf, fa, fai) })
    SOMATIC_SIG_FIT(SOMATIC_SIG_CATALOGUE.out.catalogue, signatures)

    COHORT_CATALOGUE(SOMATIC_SIG_CATALOGUE.out.catalogue
        .map { meta, table -> table }
        .toSortedList { a, b -> a.name <=> b.name }
        .map { tables -> tuple([id: 'cohort'], tables, [], []) })
    COHORT_FIT(COHORT_CATALOGUE.out.catalogue, signatures)

    // The callable territory of each pair: its shards' BEDs, in shard order
    // (they do not overlap), as one file.
    callable = SOMATIC_SNV.out.callable
        .groupTuple(size: params.shards, sort: by_shard)
        .map { meta, beds -> tuple(meta, beds.collect { it.text }.join('')) }
        .collectFile { meta, text -> ["${meta.id}.callable.bed", text] }
        .map { f -> tuple([id: f.name - '.callable.bed'], f) }
    // Consequences from bcftools csq when a gene annotation is given.
    annotation = params.annotation ? file(params.annotation, checkIfExists: true) : []
    if (params.annotation) {
        BCFTOOLS_CSQ(GATHER_SNV.out.vcf
            .join(pairs.map { meta, t, ti, n, ni, fa, fai -> tuple(meta, fa, fai) }), annotation)
        calls = BCFTOOLS_CSQ.out.vcf
    } else {
        calls = GATHER_SNV.out.vcf.map { meta, vcf, tbi -> tuple(meta, vcf) }
    }
    SOMATIC_REPORT(calls
        .join(callable)
        .join(SOMATIC_CNV.out.bed)
        .join(SOMATIC_CNV.out.summary)
        .join(SOMATIC_SIG_FIT.out.exposures)
        .join(SOMATIC_SIG_CATALOGUE.out.catalogue)
        .join(SOMATIC_MSI_CALL.out.summary), annotation)
    SOMATIC_REPORT_COHORT(SOMATIC_REPORT.out.report
        .map { meta, html, json -> json }
        .toSortedList { a, b -> a.name <=> b.name }
        .map { reports -> tuple([id: 'cohort'], reports) })

    // versions.yml as the Snakemake workflow writes it: one "tool: version"
    // line per tool, in pipeline order (the modules' files are nf-core's
    // "PROCESS:\n    tool: version").
    def order = ['somatic-scatter', 'somatic-snv', 'somatic-cnv', 'somatic-msi', 'somatic-sig', 'somatic-report', 'bcftools']
    versions
        .mix(SOMATIC_SCATTER.out.versions.first(), SOMATIC_SNV.out.versions.first(),
             GATHER_SNV.out.versions.first(), SOMATIC_CNV.out.versions.first(), SOMATIC_MSI_CALL.out.versions.first(),
             SOMATIC_SIG_CATALOGUE.out.versions.first(), SOMATIC_SIG_FIT.out.versions.first(),
             SOMATIC_REPORT.out.versions.first())
        .flatMap { f -> f.readLines().findAll { it.startsWith(' ') }.collect { it.trim() } }
        .unique()
        .toSortedList { a, b -> order.indexOf(a.tokenize(':')[0]) <=> order.indexOf(b.tokenize(':')[0]) }
        .flatMap()
        .collectFile(name: 'versions.yml', storeDir: params.outdir, newLine: true, sort: 'index')
}
