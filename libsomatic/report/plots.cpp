#include "libsomatic/report/plots.hpp"

#include <map>

#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/plot.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/plot_svg.hpp"

namespace somatic::report {

std::string inline_svg(std::string svg) {
    if (svg.starts_with("<?xml")) {
        const size_t end = svg.find("?>");
        if (end != std::string::npos) svg.erase(0, svg.find_first_not_of("\r\n", end + 2));
    }
    return svg;
}

std::string copy_number_svg(const CnvSegmentsInput& in, double purity, double ploidy, const std::string& sex) {
    cnv::CnvCalls calls;
    std::map<std::string, int32_t> index;
    for (const auto& s : in.segments) {
        if (index.emplace(s.chrom, static_cast<int32_t>(calls.table.contigs.size())).second) {
            calls.table.contigs.push_back(s.chrom);
        }
        cnv::Segment seg;
        seg.contig = index[s.chrom];
        seg.beg = s.beg;
        seg.end = s.end;
        seg.log2 = std::isnan(s.log2) ? 0 : s.log2;
        calls.table.segments.push_back(seg);
        cnv::SegmentCall c;
        c.total = s.total;
        c.major = s.major;
        c.minor = s.minor;
        c.baf = s.baf;
        c.cn_float = s.cn_float;
        c.loh = s.loh;
        c.subclonal = s.subclonal;
        calls.calls.push_back(c);
    }
    cnv::Solution best;
    best.purity = purity;
    best.called_ploidy = ploidy;
    calls.fit.solutions.push_back(best);
    calls.purity = purity;
    calls.ploidy = ploidy;
    try {
        calls.sex = sex.empty() ? cnv::Sex::unknown : cnv::parse_sex(sex);
    } catch (const Error&) {
        calls.sex = cnv::Sex::unknown;
    }
    std::string out;
    cnv::format_svg(calls, nullptr, out);
    return inline_svg(std::move(out));
}

std::string spectrum_svg(const sig::ChannelTable& catalogue, const std::string& catalogue_name,
                         const ExposuresInput& exposures) {
    Eigen::Index column = -1;
    for (size_t c = 0; c < catalogue.columns.size(); ++c) {
        if (catalogue.columns[c] == exposures.sample) column = static_cast<Eigen::Index>(c);
    }
    // A catalogue of one sample named otherwise (accepted with
    // --allow-sample-mismatch) is that sample's.
    if (column < 0 && catalogue.columns.size() == 1) column = 0;
    if (column < 0) {
        throw input_error(catalogue_name, "no column for sample '" + exposures.sample + "'", {},
                          "give the catalogue the exposures were fitted to");
    }
    sig::ChannelTable one;
    one.columns = {exposures.sample};
    one.values = catalogue.values.col(column);
    sig::SignatureSet names;
    sig::SampleFit fit;
    fit.sample = exposures.sample;
    fit.exposures.resize(static_cast<Eigen::Index>(exposures.signatures.size()));
    for (size_t i = 0; i < exposures.signatures.size(); ++i) {
        names.names.push_back(exposures.signatures[i].name);
        const double e = exposures.signatures[i].exposure;
        fit.exposures(static_cast<Eigen::Index>(i)) = std::isnan(e) ? 0 : e;
    }
    fit.mutations = std::isnan(exposures.mutations) ? one.values.sum() : exposures.mutations;
    fit.cosine = exposures.cosine;
    return inline_svg(sig::plot_svg(one, names, {fit}));
}

}  // namespace somatic::report
