// somatic-cnv run: copy-number segments (BED), purity/ploidy summary and an
// IGV .seg file, with BAF from the gathered heterozygous sites and the
// somatic SNVs' allele fractions as a witness between doubled and undoubled fits.
process SOMATIC_CNV {
    tag "$meta.id"
    label 'process_medium'

    input:
    tuple val(meta), path(tumour), path(tumour_index), path(normal), path(normal_index), path(fasta), path(fai), path(hets), path(hets_index), path(snvs), path(snvs_index)

    output:
    tuple val(meta), path("*.cnv.bed")        , emit: bed
    tuple val(meta), path("*.cnv.summary.tsv"), emit: summary
    tuple val(meta), path("*.cnv.seg")        , emit: seg
    path "versions.yml"                       , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    somatic-cnv run \\
        --tumour $tumour \\
        --normal $normal \\
        --reference $fasta \\
        --germline-hets $hets \\
        --somatic-vcf $snvs \\
        --threads $task.cpus \\
        --sample ${meta.id} \\
        --summary ${prefix}.cnv.summary.tsv \\
        --seg ${prefix}.cnv.seg \\
        $args \\
        -o ${prefix}.cnv.bed

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-cnv: \$(somatic-cnv --version | sed 's/^somatic-cnv //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.cnv.bed ${prefix}.cnv.summary.tsv ${prefix}.cnv.seg

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        somatic-cnv: \$(somatic-cnv --version | sed 's/^somatic-cnv //')
    END_VERSIONS
    """
}
