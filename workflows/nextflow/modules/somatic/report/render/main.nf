// somatic-report: one pair's report, a self-contained HTML page and its
// facts as JSON, from the other steps' outputs. The tables name the sample
// by pair id and the VCF by the BAMs' sample names: the report accepts that
// (--allow-sample-mismatch) and says so in a warning.
process SOMATIC_REPORT {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(vcf), path(callable), path(cnv), path(summary), path(exposures), path(catalogue), path(msi)
    path annotation

    output:
    tuple val(meta), path("*.report.html"), path("*.report.json"), emit: report
    path "versions.yml"                                          , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    def gff3 = annotation ? "--annotation $annotation" : ''
    """
    somatic-report \\
        --snv $vcf \\
        --callable $callable \\
        --cnv $cnv \\
        --cnv-summary $summary \\
        --signatures $exposures \\
        --catalogue $catalogue \\
        --msi $msi \\
        --allow-sample-mismatch \\
        $gff3 \\
        $args \\
        --json ${prefix}.report.json \\
        -o ${prefix}.report.html

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-report: \$(somatic-report --version | sed 's/^somatic-report //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.report.html ${prefix}.report.json

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-report: \$(somatic-report --version | sed 's/^somatic-report //')
    END_VERSIONS
    """
}
