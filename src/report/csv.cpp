#include <cstdio>
#include <ostream>

#include "huella/report.h"

namespace huella {
namespace {

// RFC 4180 quoting; a leading =, +, - or @ is neutralized so spreadsheets do not run it.
std::string csv_field(std::string_view s) {
  std::string out = "\"";
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", x);
  return buf;
}

}  // namespace

void write_csv(std::ostream& out, const CohortResult& result, ReportLanguage language) {
  out << "a,b,score,verdict,similarity,coverage_a,coverage_b,longest_fragment";
  for (const Channel c : kTextChannels) {
    const std::string name(channel_name(c));
    out << "," << name << "_similarity," << name << "_coverage_a," << name << "_coverage_b,"
        << name << "_cosine," << name << "_literals";
  }
  out << ",images_similarity,images_matches,reasons\n";
  for (std::size_t i = 0; i < result.pairs.size(); ++i) {
    const auto& p = result.pairs[i];
    const auto& verdict = result.verdicts[i];
    out << csv_field(result.submissions[p.a].id) << "," << csv_field(result.submissions[p.b].id)
        << "," << number(verdict.score) << "," << verdict_name(verdict.verdict) << ","
        << number(p.overall.similarity) << "," << number(p.overall.coverage_a) << ","
        << number(p.overall.coverage_b) << ","
        << (p.fragments_computed ? std::to_string(p.longest_fragment) : "");
    for (const Channel c : kTextChannels) {
      const auto& s = p.channels[channel_index(c)];
      out << "," << number(s.similarity) << "," << number(s.coverage_a) << ","
          << number(s.coverage_b) << "," << number(s.cosine) << "," << number(s.literals);
    }
    const auto& images = p.channels[channel_index(Channel::images)];
    std::string reasons;
    for (const auto& r : verdict.reasons) reasons += (reasons.empty() ? "" : "; ") + reason_text(r, language);
    out << "," << number(images.similarity) << "," << images.shared << "," << csv_field(reasons) << "\n";
  }
}

}  // namespace huella
