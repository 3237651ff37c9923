// somatic-snv on one region shard: somatic SNVs and the normal's
// heterozygous sites (for somatic-cnv), each bgzipped with its .tbi, and the
// callable territory (BED, the TMB's denominator in the report).
process SOMATIC_SNV {
    tag "$meta.id ${bed.baseName}"
    label 'process_medium'

    input:
    tuple val(meta), path(tumour), path(tumour_index), path(normal), path(normal_index), path(fasta), path(fai), path(bed)

    output:
    tuple val(meta), path("*.snv.vcf.gz") , path("*.snv.vcf.gz.tbi") , emit: vcf
    tuple val(meta), path("*.hets.vcf.gz"), path("*.hets.vcf.gz.tbi"), emit: hets
    tuple val(meta), path("*.callable.bed")                         , emit: callable
    path "versions.yml"                                             , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}.${bed.baseName}"
    """
    somatic-snv \\
        --tumour $tumour \\
        --normal $normal \\
        --reference $fasta \\
        --regions-file $bed \\
        --threads $task.cpus \\
        --germline-hets ${prefix}.hets.vcf.gz \\
        --callable ${prefix}.callable.bed \\
        $args \\
        -o ${prefix}.snv.vcf.gz

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-snv: \$(somatic-snv --version | sed 's/^somatic-snv //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}.${bed.baseName}"
    """
    echo | gzip > ${prefix}.snv.vcf.gz
    echo | gzip > ${prefix}.hets.vcf.gz
    touch ${prefix}.snv.vcf.gz.tbi ${prefix}.hets.vcf.gz.tbi ${prefix}.callable.bed

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-snv: \$(somatic-snv --version | sed 's/^somatic-snv //')
    END_VERSIONS
    """
}
