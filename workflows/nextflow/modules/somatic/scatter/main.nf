// somatic-scatter: the reference cut into balanced region shards (BED), one
// file per shard, named shards/shard_0001.bed ... in reference order.
process SOMATIC_SCATTER {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(fasta), path(fai)
    val shards

    output:
    tuple val(meta), path("shards/*.bed"), emit: beds
    path "versions.yml"                  , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    """
    somatic-scatter \\
        --reference $fasta \\
        --shards $shards \\
        --out-dir shards \\
        $args

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-scatter: \$(somatic-scatter --version | sed 's/^somatic-scatter //')
    END_VERSIONS
    """

    stub:
    """
    mkdir shards
    for i in \$(seq -f %04g 1 $shards); do touch shards/shard_\$i.bed; done

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-scatter: \$(somatic-scatter --version | sed 's/^somatic-scatter //')
    END_VERSIONS
    """
}
