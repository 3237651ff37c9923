// somatic-msi scan: the reference's microsatellites (BED), the sites
// somatic-msi call tests.
process SOMATIC_MSI_SCAN {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(fasta), path(fai)

    output:
    tuple val(meta), path("*.msi.sites.bed"), emit: bed
    path "versions.yml"                     , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    somatic-msi scan \\
        --reference $fasta \\
        --threads $task.cpus \\
        $args \\
        -o ${prefix}.msi.sites.bed

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-msi: \$(somatic-msi --version | sed 's/^somatic-msi //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.msi.sites.bed

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-msi: \$(somatic-msi --version | sed 's/^somatic-msi //')
    END_VERSIONS
    """
}
