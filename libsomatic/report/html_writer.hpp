// The report as one self-contained HTML page: inline CSS and SVG, no script,
// no font, image or link that would need the network, so that it opens
// offline in any browser and prints to PDF (@media print). Filtered calls
// sit in a <details> block: a filter that works without JavaScript.
#pragma once

#include <string>

#include "libsomatic/report/report.hpp"

namespace somatic::report {

std::string format_html(const Report& report);

// Text made safe for HTML content and attribute values.
std::string html_escape(const std::string& text);

}  // namespace somatic::report
