// somatic-report cohort: one row per pair (purity, ploidy, TMB, MSI, HRD,
// top signatures) from the pairs' JSON reports, as HTML and TSV.
process SOMATIC_REPORT_COHORT {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(reports)

    output:
    tuple val(meta), path("*.report.html"), path("*.report.tsv"), emit: cohort
    path "versions.yml"                                         , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    somatic-report cohort \\
        --tsv ${prefix}.report.tsv \\
        $args \\
        -o ${prefix}.report.html \\
        $reports

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-report: \$(somatic-report --version | sed 's/^somatic-report //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.report.html ${prefix}.report.tsv

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-report: \$(somatic-report --version | sed 's/^somatic-report //')
    END_VERSIONS
    """
}
