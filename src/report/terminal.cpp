#include <algorithm>
#include <cstdio>
#include <ostream>
#include <sstream>

#include "file_text.h"
#include "words.h"

namespace huella {
namespace {

std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f%%", x * 100.0);
  return buf;
}

// Pads by display width: counts UTF-8 code points, not bytes.
std::string pad(std::string_view s, std::size_t width) {
  std::size_t points = 0;
  for (unsigned char c : s) points += (c & 0xC0) != 0x80;
  std::string out(s);
  if (points < width) out.append(width - points, ' ');
  return out;
}

std::string clip(std::string_view s, std::size_t width) {
  if (s.size() <= width) return std::string(s);
  return "…" + std::string(s.substr(s.size() - (width - 1)));
}

// The lines of a file as analyzed: text decoded from a hidden blob, or the file on disk.
std::vector<std::string> read_lines(const FileSummary& file) {
  std::vector<std::string> lines;
  std::istringstream in(analyzed_text(file));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    for (char& c : line)
      if (c == '\t') c = ' ';
    lines.push_back(std::move(line));
  }
  return lines;
}

// The highest value of one figure over the text channels.
double best_of(const PairResult& p, double ChannelSimilarity::*figure) {
  double best = 0;
  for (const Channel c : kTextChannels) best = std::max(best, p.channels[channel_index(c)].*figure);
  return best;
}

std::string top_files(const CohortResult& result, const PairResult& p) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(p.file_pairs.size(), 2);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& fp = p.file_pairs[i];
    if (!out.empty()) out += ", ";
    const auto& a = result.submissions[p.a].files[fp.a_file].path;
    const auto& b = result.submissions[p.b].files[fp.b_file].path;
    out += a == b ? a : a + " ~ " + b;
  }
  return out;
}

// The strongest reasons of a pair, one per line, indented under its row.
void write_reasons(std::ostream& out, const PairVerdict& verdict, std::size_t most,
                   ReportLanguage language) {
  const std::size_t shown = std::min(most, verdict.reasons.size());
  for (std::size_t i = 0; i < shown; ++i) out << "      · " << reason_text(verdict.reasons[i], language) << "\n";
}

}  // namespace

void write_findings(std::ostream& out, const CohortResult& result, ReportLanguage language) {
  const auto& w = words(language);
  for (const auto& s : result.submissions)
    for (const auto& f : s.findings) {
      out << s.id << "/" << f.file << ": ";
      if (f.kind == "unfilled_template")
        out << w.unfilled_template << " (" << percent(f.value) << ")\n";
      else if (f.kind == "hidden_text")
        out << w.hidden_text << " " << static_cast<long>(f.value) << "\n";
      else if (f.kind == "professor_file")
        out << w.professor_file << " " << f.source << " (" << percent(f.value) << ")\n";
      else
        out << static_cast<long>(f.value) << " " << w.invisible_characters << "\n";
    }
}

void write_outside_sources(std::ostream& out, const CohortResult& result, ReportLanguage language) {
  const auto& w = words(language);
  for (const auto& r : result.references) {
    if (r.verdict == Verdict::original) continue;
    const auto& submission = result.submissions[r.pair.a];
    const auto& document = result.reference_documents[r.pair.b];
    out << submission.id << ": " << w.reference << " " << document.id << " "
        << percent(r.pair.overall.similarity) << ", " << w.verdict << " " << verdict_name(r.verdict);
    if (!r.files.empty())
      out << " (" << submission.files[r.files.front().file].path << " ~ "
          << document.files[r.files.front().reference_file].path << " "
          << percent(r.files.front().similarity) << ")";
    out << "\n";
  }
  for (const auto& m : result.watermarks) {
    out << result.submissions[m.submission].id << "/" << m.file << ":" << m.mark.line << ": "
        << w.watermark << " " << watermark_kind_name(m.mark.kind) << ", "
        << (m.source.empty() ? std::string(w.unknown_source) : m.source) << ", "
        << (m.mark.intact ? w.intact : w.damaged);
    if (m.mark.kind == WatermarkKind::zero_width)
      out << " (" << m.mark.bytes_recovered << " " << w.bytes << ")";
    out << "\n";
  }
}

void write_ranking(std::ostream& out, const CohortResult& result, std::size_t top,
                   ReportLanguage language) {
  const auto& w = words(language);
  if (result.pairs.empty()) {
    out << w.no_pairs << "\n";
    write_findings(out, result, language);
    write_outside_sources(out, result, language);
    return;
  }
  std::size_t id_width = 8;
  const std::size_t shown = std::min(top, result.pairs.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& p = result.pairs[i];
    id_width = std::max({id_width, result.submissions[p.a].id.size(),
                         result.submissions[p.b].id.size()});
  }
  id_width = std::min<std::size_t>(id_width, 32);
  out << pad(w.rank, 4) << pad(w.a, id_width + 2) << pad(w.b, id_width + 2)
      << pad(w.score, 12) << pad(w.verdict, 17) << pad(w.similarity, 11) << pad(w.coverage_a, 12) << pad(w.coverage_b, 12)
      << pad(w.cosine, 9) << pad(w.literals, 11) << pad(w.longest, 17) << w.top_files << "\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& p = result.pairs[i];
    const auto& verdict = result.verdicts[i];
    const std::string longest =
        p.fragments_computed ? std::to_string(p.longest_fragment) + " " + std::string(w.tokens) : "-";
    out << pad(std::to_string(i + 1), 4)
        << pad(clip(result.submissions[p.a].id, id_width), id_width + 2)
        << pad(clip(result.submissions[p.b].id, id_width), id_width + 2)
        << pad(percent(verdict.score), 12) << pad(verdict_name(verdict.verdict), 17)
        << pad(percent(p.overall.similarity), 11) << pad(percent(p.overall.coverage_a), 12)
        << pad(percent(p.overall.coverage_b), 12) << pad(percent(best_of(p, &ChannelSimilarity::cosine)), 9)
        << pad(percent(best_of(p, &ChannelSimilarity::literals)), 11) << pad(longest, 17)
        << top_files(result, p)
        << "\n";
    if (verdict.verdict != Verdict::original) write_reasons(out, verdict, 3, language);
  }
  out << shown << " " << w.of << " " << result.pairs.size() << " " << w.pairs_listed << ", "
      << result.cohort_size() << " " << w.submissions << "\n";
  for (std::size_t i = 0; i < result.clusters.size(); ++i) {
    const auto& c = result.clusters[i];
    out << (i == 0 ? std::string(w.clusters) + ":\n" : "") << "  " << i + 1 << ") "
        << verdict_name(c.verdict) << " " << percent(c.score) << ":";
    for (const auto m : c.members) out << " " << result.submissions[m].id;
    out << "\n";
  }
  write_findings(out, result, language);
  write_outside_sources(out, result, language);
}

void write_comparison(std::ostream& out, const CohortResult& result, const PairResult& p,
                      const PairVerdict& verdict, std::size_t max_fragments,
                      ReportLanguage language) {
  const auto& w = words(language);
  const auto& a = result.submissions[p.a];
  const auto& b = result.submissions[p.b];
  out << "A: " << a.id << "\nB: " << b.id << "\n"
      << w.score << " " << percent(verdict.score) << "  " << w.verdict << " "
      << verdict_name(verdict.verdict) << "\n";
  write_reasons(out, verdict, verdict.reasons.size(), language);
  out << w.similarity << " " << percent(p.overall.similarity) << "  " << w.coverage_a << " "
      << percent(p.overall.coverage_a) << "  " << w.coverage_b << " "
      << percent(p.overall.coverage_b) << "  " << w.shared_fingerprints << " " << p.overall.shared
      << "\n";
  for (const Channel c : kTextChannels) {
    const auto& s = p.channels[channel_index(c)];
    if (s.shared == 0 && s.cosine == 0) continue;
    out << "  " << pad(channel_name(c), 10) << w.similarity << " " << percent(s.similarity) << "  "
        << w.coverage_a << " " << percent(s.coverage_a) << "  " << w.coverage_b << " "
        << percent(s.coverage_b) << "  " << w.cosine << " " << percent(s.cosine) << "  "
        << w.literals << " " << percent(s.literals) << "\n";
  }
  if (const auto& s = p.channels[channel_index(Channel::images)]; s.shared > 0)
    out << "  " << pad(channel_name(Channel::images), 10) << w.similarity << " " << percent(s.similarity)
        << "  " << w.coverage_a << " " << percent(s.coverage_a) << "  " << w.coverage_b << " "
        << percent(s.coverage_b) << "\n";
  for (const auto& m : p.image_matches)
    out << "  " << w.image << " " << a.files[m.a_file].path << " ~ " << b.files[m.b_file].path << ": "
        << image_method_name(m.method) << ", " << w.distance << " " << m.distance << ", inliers " << m.inliers
        << ", " << w.agreement << " " << percent(m.agreement) << "\n";
  for (const auto& m : p.image_metadata)
    out << "  " << w.metadata << " " << a.files[m.a_file].path << " ~ " << b.files[m.b_file].path << ": "
        << m.key << " = " << m.value << "\n";
  if (!p.fragments_computed) {
    out << w.fragments_not_computed << "\n";
    return;
  }
  for (const auto& s : p.sections)
    out << "  " << w.section << " (" << (s.in_b ? "B" : "A") << ") " << s.title << ": "
        << percent(s.coverage) << " " << w.shared_in_other << "\n";
  constexpr std::size_t kColumn = 60;
  const std::size_t shown = std::min(max_fragments, p.fragments.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& f = p.fragments[i];
    const auto& fa = a.files[f.a_file];
    const auto& fb = b.files[f.b_file];
    out << "\n" << w.fragment << " " << i + 1 << " (" << channel_name(f.channel) << ", "
        << f.tokens << " " << w.tokens << "): " << fa.path << " " << f.a_first_line << "-"
        << f.a_last_line << "  ~  " << fb.path << " " << f.b_first_line << "-" << f.b_last_line
        << "\n";
    const auto la = read_lines(fa);
    const auto lb = read_lines(fb);
    const std::uint32_t rows = std::max(f.a_last_line - f.a_first_line, f.b_last_line - f.b_first_line) + 1;
    for (std::uint32_t r = 0; r < rows; ++r) {
      const auto cell = [&](const std::vector<std::string>& lines, std::uint32_t first,
                            std::uint32_t last) -> std::string {
        const std::uint32_t n = first + r;
        if (n > last || n == 0 || n > lines.size()) return pad("", kColumn + 6);
        char num[16];
        std::snprintf(num, sizeof num, "%4u  ", n);
        std::string text = lines[n - 1];
        std::string shown_text;
        std::size_t points = 0;
        for (std::size_t k = 0; k < text.size() && points < kColumn; ++k) {
          const unsigned char c = static_cast<unsigned char>(text[k]);
          if ((c & 0xC0) != 0x80) ++points;
          if (points > kColumn) break;
          shown_text += c < 0x20 ? '?' : static_cast<char>(c);
        }
        return num + pad(shown_text, kColumn);
      };
      out << cell(la, f.a_first_line, f.a_last_line) << " | "
          << cell(lb, f.b_first_line, f.b_last_line) << "\n";
    }
  }
  if (p.fragments.size() > shown)
    out << "\n(+" << p.fragments.size() - shown << " " << w.more_fragments << ")\n";
}

}  // namespace huella
