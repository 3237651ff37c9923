"""Helper modules of sim/simulate, the seeded tumour-normal simulator.

One job per module:
  seeds       named, independent random streams derived from --seed
  fasta       reading references (plain or bgzipped) and writing FASTA
  genome      the concatenated reference and global<->contig coordinates
  synthetic   a human-like synthetic reference
  germline    germline SNPs and the two normal haplotypes
  copynumber  the tumour's allele-specific copy-number layout
  signatures  SBS96 channels, COSMIC tables and the built-in spectrum
  somatic     placing somatic SNVs on tumour copies
  fragments   sampling DNA fragments from every cell population and copy
  reads       ART sequencing of fragments and read post-processing
  align       bwa or truth alignment into marked-duplicate BAMs
  truth       the truth files (VCFs, BED, TSVs)
"""
