"""Minimal reading of SNV records for scoring (the files are bcftools-valid;
only CHROM/POS/REF/ALT/FILTER/INFO and the tumour's FORMAT/AF are needed)."""
import gzip


def open_text(path):
    return gzip.open(path, "rt") if path.endswith(".gz") else open(path)


def read_snvs(path, pass_only=True):
    """{(chrom, pos, ref, alt): info dict} for single-base substitutions. The
    info dict also holds FILTER and, when the tumour sample has FORMAT/AF,
    TUMOUR_AF (the tumour is the ##tumor_sample header's sample, else a
    column named TUMOR/TUMOUR, else the last)."""
    out = {}
    tumour_name, tumour_col = None, None
    with open_text(path) as f:
        for line in f:
            if line.startswith("##tumor_sample="):
                tumour_name = line.strip().split("=", 1)[1]
            if line.startswith("#CHROM"):
                names = line.rstrip("\n").split("\t")[9:]
                for want in (tumour_name, "TUMOUR", "TUMOR"):
                    if want in names:
                        tumour_col = 9 + names.index(want)
                        break
                else:
                    tumour_col = 8 + len(names) if names else None
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            if pass_only and c[6] not in ("PASS", "."):
                continue
            info = {}
            for kv in c[7].split(";"):
                k, _, v = kv.partition("=")
                info[k] = v
            info["FILTER"] = c[6]
            if tumour_col is not None and len(c) > tumour_col:
                fields = dict(zip(c[8].split(":"), c[tumour_col].split(":")))
                if fields.get("AF", ".") not in (".", ""):
                    info["TUMOUR_AF"] = fields["AF"].split(",")[0]
            for alt in c[4].split(","):
                if len(c[3]) == 1 and len(alt) == 1 and alt != "*":
                    out[(c[0], int(c[1]), c[3].upper(), alt.upper())] = info
    return out
