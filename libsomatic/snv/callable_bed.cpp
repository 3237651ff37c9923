#include "libsomatic/snv/callable_bed.hpp"

#include <string>

namespace somatic::snv {

void CallableBed::add(const Interval& run) {
    if (pending_.contig == run.contig && pending_.end == run.beg) {
        pending_.end = run.end;
        return;
    }
    flush();
    pending_ = run;
}

uint64_t CallableBed::flush() {
    if (out_ && !pending_.contig.empty()) {
        out_->write(pending_.contig + '\t' + std::to_string(pending_.beg) + '\t' + std::to_string(pending_.end) + '\n');
        bases_ += static_cast<uint64_t>(pending_.end - pending_.beg);
    }
    pending_ = {};
    return bases_;
}

}  // namespace somatic::snv
