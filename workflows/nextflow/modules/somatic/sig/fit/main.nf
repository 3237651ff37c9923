// somatic-sig fit: each catalogue column's exposures to the reference
// signatures, one row per sample.
process SOMATIC_SIG_FIT {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(catalogue)
    path signatures

    output:
    tuple val(meta), path("*.exposures.tsv"), emit: exposures
    path "versions.yml"                     , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    somatic-sig fit \\
        --signatures $signatures \\
        --threads $task.cpus \\
        $args \\
        -o ${prefix}.exposures.tsv \\
        $catalogue

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-sig: \$(somatic-sig --version | sed 's/^somatic-sig //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.exposures.tsv

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-sig: \$(somatic-sig --version | sed 's/^somatic-sig //')
    END_VERSIONS
    """
}
