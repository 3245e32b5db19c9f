#include <cmath>
#include <ctime>
#include <ostream>

#include "huella/changes.h"
#include "words.h"

namespace huella {
namespace {

double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

std::string utc_date(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

nlohmann::ordered_json pair_json(const FlaggedPair& p) {
  nlohmann::ordered_json out = {{"a", p.a},
                                {"b", p.b},
                                {"score", rounded(p.score)},
                                {"verdict", verdict_name(p.verdict)}};
  if (p.previous_score) {
    out["previous_score"] = rounded(*p.previous_score);
    out["previous_verdict"] = verdict_name(p.previous_verdict);
  }
  return out;
}

nlohmann::ordered_json appearance_json(const Appearance& a) {
  return {{"fork", a.fork},
          {"file", a.file},
          {"lines", {a.first_line, a.last_line}},
          {"commit", a.commit},
          {"date", utc_date(a.time)}};
}

void write_pairs(std::ostream& out, std::string_view title, const std::vector<FlaggedPair>& pairs,
                 const ChangeWords& w) {
  if (pairs.empty()) return;
  out << title << ":\n";
  for (const auto& p : pairs) {
    out << "  " << p.a << " ~ " << p.b << "  " << verdict_name(p.verdict) << " ("
        << std::lround(p.score * 100) << "%)";
    if (p.previous_score)
      out << "  " << w.before << " " << verdict_name(p.previous_verdict) << " ("
          << std::lround(*p.previous_score * 100) << "%)";
    out << "\n";
  }
}

void write_ids(std::ostream& out, std::string_view title, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  out << title << " (" << ids.size() << "):";
  for (const auto& id : ids) out << " " << id;
  out << "\n";
}

}  // namespace

void add_nightly_json(nlohmann::ordered_json& report, const NightlyFindings& findings) {
  auto& forks = report["forks"] = nlohmann::ordered_json::array();
  for (const auto& f : findings.forks) {
    nlohmann::ordered_json fork = {{"name", f.name}, {"source", f.source}, {"commit", f.commit}};
    if (!f.error.empty()) fork["error"] = f.error;
    forks.push_back(std::move(fork));
  }
  const auto& c = findings.changes;
  auto& changes = report["changes"] = nlohmann::ordered_json::object();
  changes["since_run"] = c.since_run ? nlohmann::ordered_json(*c.since_run) : nlohmann::ordered_json(nullptr);
  changes["new_submissions"] = c.new_submissions;
  changes["changed_submissions"] = c.changed_submissions;
  changes["removed_submissions"] = c.removed_submissions;
  for (const auto* list : {&c.new_flags, &c.verdict_rises}) {
    auto& out = changes[list == &c.new_flags ? "new_flags" : "verdict_rises"] =
        nlohmann::ordered_json::array();
    for (const auto& p : *list) out.push_back(pair_json(p));
  }
  auto& origins = report["first_seen"] = nlohmann::ordered_json::array();
  for (const auto& o : findings.origins) {
    nlohmann::ordered_json fragments = nlohmann::ordered_json::array();
    for (const auto& f : o.fragments)
      fragments.push_back({{"a", appearance_json(f.a)}, {"b", appearance_json(f.b)}});
    origins.push_back({{"a", o.a},
                       {"b", o.b},
                       {"earlier", o.earlier.empty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(o.earlier)},
                       {"fragments", std::move(fragments)}});
  }
}

void write_changes(std::ostream& out, const NightlyFindings& findings, ReportLanguage language) {
  const auto& w = change_words(language);
  for (const auto& f : findings.forks)
    if (!f.error.empty()) out << w.fork_failed << " " << f.name << ": " << f.error << "\n";
  const auto files = findings.cache_hits + findings.cache_misses;
  out << w.cache << " " << findings.cache_hits << " " << w.of << " " << files << " ("
      << (files == 0 ? 100 : findings.cache_hits * 100 / files) << "%); " << findings.cache_misses
      << " " << w.analyzed << "\n";
  const auto& c = findings.changes;
  if (c.since_run)
    out << w.since_run << " " << *c.since_run << ":\n";
  else
    out << w.first_run << "\n";
  write_ids(out, w.new_submissions, c.new_submissions);
  write_ids(out, w.changed_submissions, c.changed_submissions);
  write_ids(out, w.removed_submissions, c.removed_submissions);
  write_pairs(out, w.new_flags, c.new_flags, w);
  write_pairs(out, w.verdict_rises, c.verdict_rises, w);
  if (c.new_submissions.empty() && c.changed_submissions.empty() && c.removed_submissions.empty() &&
      c.new_flags.empty() && c.verdict_rises.empty())
    out << "  " << w.nothing_new << "\n";
  for (const auto& o : findings.origins) {
    if (o.fragments.empty()) continue;
    const auto& first = o.fragments.front();
    out << w.first_seen << " " << o.a << " ~ " << o.b << ": ";
    if (o.earlier.empty())
      out << w.at_once;
    else
      out << w.earlier_in << " " << o.earlier;
    out << " (" << first.a.fork << " " << utc_date(first.a.time).substr(0, 10) << " "
        << first.a.commit.substr(0, 7) << ", " << first.b.fork << " "
        << utc_date(first.b.time).substr(0, 10) << " " << first.b.commit.substr(0, 7) << ")\n";
  }
}

}  // namespace huella
