// somatic-msi call: the tumour's microsatellite instability against its
// normal at the sites of somatic-msi scan: a per-site table and the summary
// (sites tested and unstable, percent, MSI-H or MSS) that somatic-report reads.
process SOMATIC_MSI_CALL {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(tumour), path(tumour_index), path(normal), path(normal_index), path(fasta), path(fai), path(sites)

    output:
    tuple val(meta), path("*.msi.tsv")        , emit: calls
    tuple val(meta), path("*.msi.summary.tsv"), emit: summary
    path "versions.yml"                       , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    somatic-msi call \\
        --tumour $tumour \\
        --normal $normal \\
        --reference $fasta \\
        --sites $sites \\
        --threads $task.cpus \\
        --summary ${prefix}.msi.summary.tsv \\
        $args \\
        -o ${prefix}.msi.tsv

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-msi: \$(somatic-msi --version | sed 's/^somatic-msi //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.msi.tsv ${prefix}.msi.summary.tsv

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-msi: \$(somatic-msi --version | sed 's/^somatic-msi //')
    END_VERSIONS
    """
}
