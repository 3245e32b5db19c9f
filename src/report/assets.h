// The HTML report's stylesheet and script, embedded at build time from src/report/assets/.
#pragma once

#include <string_view>

namespace huella::assets {

extern const std::string_view report_css;
extern const std::string_view report_js;

}  // namespace huella::assets
