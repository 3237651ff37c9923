// Consequences of a pair's somatic calls from bcftools csq and the gene
// annotation (Ensembl GFF3), for the report. -p a: a somatic VCF's
// genotypes are unphased; take them as they are.
process BCFTOOLS_CSQ {
    tag "$meta.id"
    label 'process_single'

    input:
    tuple val(meta), path(vcf), path(index), path(fasta), path(fai)
    path gff3

    output:
    tuple val(meta), path("${prefix}.vcf.gz"), emit: vcf
    path "versions.yml"                      , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args = task.ext.args ?: ''
    prefix = task.ext.prefix ?: "${meta.id}.csq"
    """
    bcftools csq -p a -f $fasta -g $gff3 $args -O z -o ${prefix}.vcf.gz $vcf

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        bcftools: \$(bcftools --version | sed -n '1s/^bcftools //p')
    END_VERSIONS
    """

    stub:
    prefix = task.ext.prefix ?: "${meta.id}.csq"
    """
    echo | gzip > ${prefix}.vcf.gz

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        bcftools: \$(bcftools --version | sed -n '1s/^bcftools //p')
    END_VERSIONS
    """
}
