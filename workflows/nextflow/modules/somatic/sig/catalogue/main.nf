// somatic-sig catalogue: SBS96 counts of VCFs (with their reference), or
// catalogue tables merged column by column (no reference: pass []).
process SOMATIC_SIG_CATALOGUE {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(inputs), path(fasta), path(fai)

    output:
    tuple val(meta), path("*.sbs96.tsv"), emit: catalogue
    path "versions.yml"                 , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    def reference = fasta ? "--reference $fasta" : ''
    """
    somatic-sig catalogue \\
        $reference \\
        $args \\
        -o ${prefix}.sbs96.tsv \\
        $inputs

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-sig: \$(somatic-sig --version | sed 's/^somatic-sig //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.sbs96.tsv

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-sig: \$(somatic-sig --version | sed 's/^somatic-sig //')
    END_VERSIONS
    """
}
