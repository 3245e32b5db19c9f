#include "huella/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <oneapi/tbb/global_control.h>
#include <optional>
#include <sstream>

#include "huella/html_report.h"
#include "huella/nightly.h"
#include "huella/pipeline.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

constexpr int kExitDone = 0;
constexpr int kExitAboveThreshold = 1;
constexpr int kExitUsage = 2;
constexpr int kExitNews = 3;

struct Outputs {
  std::string json, csv, html;
};

struct CommonOptions {
  PipelineOptions pipeline;
  Outputs outputs;
  std::size_t top = 20;
  std::optional<double> fail_above;
  std::optional<std::string> fail_on;
  std::vector<double> bands;
  std::string language = "es";
  unsigned threads = 0;
  std::uint64_t max_file_bytes = 2u << 20;
  std::uint32_t max_files = DiscoveryOptions{}.max_files;
  bool all_pairs = false;
  bool stats = false;
  RunStats run_stats;  // filled when `stats` is set
  RunStats* stats_sink() { return stats ? &run_stats : nullptr; }
};

void add_common_options(CLI::App& app, CommonOptions& o) {
  auto& p = o.pipeline;
  app.add_option("--base", p.base,
                 "Material everybody may share (template, starter code): a file or folder; "
                 "repeatable")
      ->check(CLI::ExistingPath);
  app.add_option("--reference", p.references,
                 "The professor's material, compared with every submission: a file or a folder "
                 "of documents (files differing only by extension form one); repeatable")
      ->check(CLI::ExistingPath);
  app.add_option("--archive", p.archives,
                 "A folder of an earlier cohort, compared with this one but not with itself; "
                 "repeatable")
      ->check(CLI::ExistingDirectory);
  app.add_option("--json", o.outputs.json, "Write the JSON report to FILE ('-' for stdout)");
  app.add_option("--csv", o.outputs.csv, "Write one CSV row per pair to FILE ('-' for stdout)");
  app.add_option("--html", o.outputs.html,
                 "Write the self-contained HTML report to FILE ('-' for stdout), in --lang");
  app.add_option("--min-similarity", p.min_similarity, "Leave out pairs below S (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--fail-above", o.fail_above, "Exit with 1 when a pair's score is above T")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--fail-on", o.fail_on,
                 "Exit with 1 when a pair reaches this verdict: similar_parcial, muy_similar, "
                 "copia (nightly: with 3 when a new flag or a verdict rise does)")
      ->check(CLI::IsMember({"similar_parcial", "muy_similar", "copia"}));
  app.add_option("--bands", o.bands,
                 "Lower bounds of the verdicts similar_parcial, muy_similar and copia "
                 "(default 0.25,0.5,0.8)")
      ->delimiter(',')
      ->expected(3)
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("-k,--kgram", p.fingerprint.k, "Tokens per k-gram")
      ->capture_default_str()
      ->check(CLI::Range(2u, 200u));
  app.add_option("-w,--window", p.fingerprint.window, "Winnowing window (k-grams)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 200u));
  app.add_option("--max-share", p.index.max_share,
                 "Drop fingerprints found in more than this share of submissions")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--min-count-to-drop", p.index.min_count_to_drop,
                 "Never drop a fingerprint found in this many submissions or fewer")
      ->capture_default_str();
  app.add_option("--max-count", p.index.max_count,
                 "Always drop a fingerprint found in more submissions than this")
      ->capture_default_str();
  app.add_option("--max-file-size", o.max_file_bytes, "Skip text files larger than BYTES")
      ->capture_default_str();
  app.add_option("--max-file-tokens", p.max_file_tokens, "Skip files with more tokens than N")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-file-seconds", p.max_file_seconds,
                 "Skip a file still being read after SECONDS")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-files", o.max_files, "Read at most N files of each submission")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-image-pixels", p.images.max_pixels,
                 "Skip images whose header claims more pixels than N")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-image-size", p.images.max_bytes, "Skip images larger than BYTES")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--all-pairs", o.all_pairs,
               "List every pair that shares a fingerprint, below the noise floor too");
  app.add_flag("--stats", o.stats,
               "Print on stderr where the time went, stage by stage, and what the index cost");
  app.add_option("--fragment-pairs", p.fragment_pairs,
                 "Compute matched fragments for the N most similar pairs")
      ->capture_default_str();
  app.add_option("--lang", o.language, "Language of the human-facing report: es or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"es", "en"}));
  app.add_option("--threads", o.threads, "Worker threads (default: all cores)");
}

DiscoveryOptions discovery_options(const CommonOptions& o) {
  DiscoveryOptions discovery;
  discovery.max_file_bytes = o.max_file_bytes;
  discovery.max_files = o.max_files;
  return discovery;
}

// Progress on stderr only when it is a terminal, redrawn at most every percent.
ProgressCallback progress_reporter() {
  if (!::isatty(STDERR_FILENO)) return {};
  auto last = std::make_shared<std::atomic<std::size_t>>(0);
  return [last](std::size_t done, std::size_t total) {
    const std::size_t percent = total == 0 ? 100 : done * 100 / total;
    std::size_t previous = last->load();
    if (percent <= previous && done != total) return;
    if (!last->compare_exchange_strong(previous, percent)) return;
    std::fprintf(stderr, "\rhuella: %zu/%zu %s", done, total, done == total ? "\n" : "");
  };
}

// A file name may hold line breaks and other control characters; escaped, a message stays one line.
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20 || byte == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

void report_problems(const CohortResult& result) {
  const auto report = [](const SubmissionSummary& s) {
    for (const auto& k : s.skipped)
      if (k.problem)
        std::cerr << one_line((fs::path(s.path) / k.path).string() + ": " + k.reason) << "\n";
    for (const auto& f : s.files)
      if (f.replaced_bytes > 0)
        std::cerr << one_line(f.absolute.string()) << ": invalid UTF-8, " << f.replaced_bytes
                  << " bytes replaced\n";
  };
  for (const auto& s : result.submissions) report(s);
  for (const auto& d : result.reference_documents) report(d);
  for (const auto& e : result.errors) std::cerr << one_line(e) << "\n";
}

// Checks every output before the work starts, so a bad path costs nothing.
bool check_outputs(const Outputs& outputs) {
  for (const auto* path : {&outputs.json, &outputs.csv, &outputs.html}) {
    if (path->empty() || *path == "-") continue;
    if (auto reason = check_writable(*path); !reason.empty()) {
      std::cerr << reason << "\n";
      return false;
    }
  }
  return true;
}

bool write_output(const std::string& path, const std::string& content) {
  if (path.empty()) return true;
  if (path == "-") {
    std::cout << content;
    return true;
  }
  if (auto reason = write_file_atomically(path, content); !reason.empty()) {
    std::cerr << reason << "\n";
    return false;
  }
  return true;
}

bool write_outputs(const Outputs& outputs, const CohortResult& result, ReportLanguage language,
                   const NightlyFindings* nightly = nullptr) {
  bool ok = true;
  if (!outputs.json.empty()) {
    auto json = to_json(result, language);
    if (nightly) add_nightly_json(json, *nightly);
    ok = write_output(outputs.json,
                      json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  if (!outputs.csv.empty()) {
    std::ostringstream csv;
    write_csv(csv, result, language);
    ok = write_output(outputs.csv, csv.str()) && ok;
  }
  if (!outputs.html.empty()) {
    std::ostringstream html;
    HtmlOptions options;
    options.language = language;
    write_html(html, result, options);
    ok = write_output(outputs.html, html.str()) && ok;
  }
  return ok;
}

ReportLanguage report_language(const CommonOptions& o) {
  return o.language == "en" ? ReportLanguage::en : ReportLanguage::es;
}

bool above_threshold(const CommonOptions& o, const CohortResult& result) {
  if (o.fail_above)
    for (const auto& v : result.verdicts)
      if (v.score > *o.fail_above) return true;
  return false;
}

void print_stats(const RunStats& stats) {
  double wall = 0, cpu = 0;
  std::fprintf(stderr, "huella --stats %50s %9s\n", "wall s", "CPU s");
  for (const auto& stage : stats.stages) {
    std::fprintf(stderr, "  %-56s %9.3f %9.3f\n", stage.name.c_str(), stage.seconds, stage.cpu_seconds);
    wall += stage.seconds;
    cpu += stage.cpu_seconds;
  }
  std::fprintf(stderr, "  %-56s %9.3f %9.3f\n", "total", wall, cpu);
  const auto per_fingerprint = [&](std::size_t bytes) {
    return stats.index.fingerprints == 0 ? 0.0
                                         : static_cast<double>(bytes) / static_cast<double>(stats.index.fingerprints);
  };
  std::fprintf(stderr, "  index: %zu fingerprints; %.1f bytes each while building, %.1f kept\n",
               stats.index.fingerprints, per_fingerprint(stats.index.build_bytes),
               per_fingerprint(stats.index.held_bytes));
  std::fprintf(stderr, "  pairs listed: %zu\n", stats.pairs);
}

int finish(CommonOptions& o, CohortResult& result) {
  result.params["max_files"] = o.max_files;  // a discovery limit: params_json sees the pipeline's
  report_problems(result);
  const StageTimer writing;
  const bool written = write_outputs(o.outputs, result, report_language(o));
  if (o.stats) {
    o.run_stats.stages.push_back(writing.stop("outputs"));
    print_stats(o.run_stats);
  }
  if (!written) return kExitUsage;
  if (above_threshold(o, result)) return kExitAboveThreshold;
  for (const auto& v : result.verdicts)
    if (o.fail_on && v.verdict >= verdict_from_name(*o.fail_on)) return kExitAboveThreshold;
  return kExitDone;
}

// Terminal text goes to stdout unless a machine-readable report already uses it.
std::ostream& text_stream(const CommonOptions& o) {
  static std::ostringstream discard;
  const auto& out = o.outputs;
  return out.json == "-" || out.csv == "-" || out.html == "-" ? discard : std::cout;
}

int run_report(const fs::path& cohort_path, const std::string& layout, const std::string& module,
               CommonOptions& o) {
  if (!check_outputs(o.outputs)) return kExitUsage;
  DiscoveryOptions discovery = discovery_options(o);
  discovery.layout = layout == "flat"    ? Layout::flat
                     : layout == "forks" ? Layout::forks
                                         : Layout::automatic;
  discovery.module = module;
  Cohort cohort;
  const StageTimer discovering;
  try {
    cohort = discover_cohort(cohort_path, discovery);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  }
  o.run_stats.stages.push_back(discovering.stop("discover"));
  auto result = analyze(std::move(cohort.submissions), o.pipeline, progress_reporter(), nullptr,
                        o.stats_sink());
  result.params["layout"] = cohort.layout == Layout::forks ? "forks" : "flat";
  if (!module.empty()) result.params["module"] = module;
  write_ranking(text_stream(o), result, o.top, report_language(o));
  return finish(o, result);
}

std::optional<Submission> load_side(const fs::path& path, const std::string& id,
                                    const CommonOptions& o) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return discover_submission(path, id, discovery_options(o));
  if (fs::is_regular_file(path, ec)) return single_file_submission(path, id);
  std::cerr << path.string() << ": not a readable file or folder\n";
  return std::nullopt;
}

int run_compare(const fs::path& a, const fs::path& b, CommonOptions& o) {
  if (!check_outputs(o.outputs)) return kExitUsage;
  std::string id_a = a.filename().string(), id_b = b.filename().string();
  if (id_a.empty() || id_a == id_b) {
    id_a = a.generic_string();
    id_b = b.generic_string();
  }
  auto side_a = load_side(a, id_a, o);
  auto side_b = load_side(b, id_b, o);
  if (!side_a || !side_b) return kExitUsage;
  std::vector<Submission> pair;
  pair.push_back(std::move(*side_a));
  pair.push_back(std::move(*side_b));
  o.pipeline.fragment_pairs = 1;
  auto result = analyze(std::move(pair), o.pipeline, progress_reporter(), nullptr, o.stats_sink());
  auto& out = text_stream(o);
  if (result.pairs.empty()) {
    PairResult nothing;
    nothing.a = 0;
    nothing.b = 1;
    nothing.fragments_computed = true;
    write_comparison(out, result, nothing, PairVerdict{}, o.top, report_language(o));
  } else {
    write_comparison(out, result, result.pairs.front(), result.verdicts.front(), o.top,
                     report_language(o));
  }
  write_outside_sources(out, result, report_language(o));
  return finish(o, result);
}

struct NightlyCommand {
  NightlyOptions options;
  unsigned fetch_timeout = 120;
};

// The run is recorded in the database only once its reports are written: a run that dies
// before is redone whole, with the same changes, by the next one.
int run_nightly(NightlyCommand& command, CommonOptions& o) {
  if (!check_outputs(o.outputs)) return kExitUsage;
  command.options.discovery.max_file_bytes = o.max_file_bytes;
  command.options.fetch_timeout = std::chrono::seconds(command.fetch_timeout);
  try {
    NightlyJob job(command.options);
    auto report = job.run(o.pipeline, progress_reporter(), o.stats_sink());
    auto& out = text_stream(o);
    write_ranking(out, report.result, o.top, report_language(o));
    write_changes(out, report.findings, report_language(o));
    report_problems(report.result);
    const StageTimer writing;
    const bool written = write_outputs(o.outputs, report.result, report_language(o), &report.findings);
    if (o.stats) {
      o.run_stats.stages.push_back(writing.stop("outputs"));
      print_stats(o.run_stats);
    }
    if (!written) return kExitUsage;
    job.record(report);
    if (above_threshold(o, report.result)) return kExitAboveThreshold;
    const bool news = o.fail_on && news_reach(report.findings.changes, verdict_from_name(*o.fail_on));
    return news ? kExitNews : kExitDone;
  } catch (const StoreError& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"huella: similarity and plagiarism detection for course submissions"};
  app.footer(
      "Examples:\n"
      "  huella report entregas/streaming_cloud --base plantilla/PROMPTS.md --json out.json\n"
      "  huella report forks/ --layout forks --module streaming_cloud --min-similarity 0.25\n"
      "  huella compare entregas/streaming_cloud/ana entregas/streaming_cloud/luis\n"
      "  huella compare ana/kafka/productor.py luis/kafka/productor.py --lang en\n"
      "  huella report entregas/ --reference reference_dashboards/ --archive curso_2025/\n"
      "  huella nightly forks/ --upstream curso.git --db huella.db --fail-on copia --json hoy.json\n"
      "Exit codes: 0 done, 1 a pair above --fail-above, 2 usage error or unreadable input,\n"
      "3 (nightly) something new reaches the --fail-on band.");
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("huella ") + HUELLA_VERSION);

  CommonOptions report_options;
  fs::path cohort;
  std::string layout = "auto", module;
  auto* report = app.add_subcommand("report", "Rank every pair of submissions in a cohort");
  report->add_option("COHORT", cohort, "Folder of submissions, or of fork checkouts")
      ->required();
  report->add_option("--layout", layout, "auto, flat (one folder per submission) or forks")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "flat", "forks"}));
  report->add_option("--module", module,
                     "With forks: only entregas/MODULE/<student>/ (e.g. streaming_cloud)");
  report->add_option("--top", report_options.top, "Pairs shown in the terminal table")
      ->capture_default_str();
  add_common_options(*report, report_options);

  CommonOptions compare_options;
  compare_options.top = 10;
  fs::path side_a, side_b;
  auto* compare = app.add_subcommand("compare", "Compare two submissions or two files in detail");
  compare->add_option("A", side_a, "A submission folder or a file")->required();
  compare->add_option("B", side_b, "A submission folder or a file")->required();
  compare->add_option("--fragments", compare_options.top, "Fragments shown side by side")
      ->capture_default_str();
  add_common_options(*compare, compare_options);

  CommonOptions nightly_options;
  NightlyCommand nightly_command;
  auto& n = nightly_command.options;
  auto* nightly = app.add_subcommand(
      "nightly", "Incremental run over every fork, with history: what is new since the last run");
  nightly->add_option("FORKS", n.sources,
                      "Folder of fork repositories (bare or checkouts), or a file of fork URLs "
                      "(one per line: URL [NAME]); repeatable")
      ->required()
      ->check(CLI::ExistingPath);
  nightly->add_option("--db", n.database, "SQLite database of the cache and the runs' history")
      ->capture_default_str();
  nightly->add_option("--upstream", n.upstream,
                      "The course repository: files found in its history are the professor's")
      ->check(CLI::ExistingDirectory);
  nightly->add_option("--module", n.discovery.module,
                      "Only entregas/MODULE/<student>/ (e.g. streaming_cloud)");
  nightly->add_option("--fetch-timeout", nightly_command.fetch_timeout,
                      "Seconds allowed to fetch each fork given by URL")
      ->capture_default_str();
  nightly->add_option("--top", nightly_options.top, "Pairs shown in the terminal table")
      ->capture_default_str();
  add_common_options(*nightly, nightly_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitDone : kExitUsage;
  }

  CommonOptions& chosen = report->parsed()    ? report_options
                          : nightly->parsed() ? nightly_options
                                              : compare_options;
  chosen.pipeline.limits.max_file_bytes = chosen.max_file_bytes;
  if (chosen.all_pairs) {
    chosen.pipeline.floor = {0, 0, 0};
    chosen.pipeline.cosine_listing = {chosen.pipeline.cosine.min_cosine, 0};
  }
  if (!chosen.bands.empty()) {
    if (!std::is_sorted(chosen.bands.begin(), chosen.bands.end())) {
      std::cerr << "--bands: the bounds must rise: similar_parcial, muy_similar, copia\n";
      return kExitUsage;
    }
    chosen.pipeline.bands = {chosen.bands[0], chosen.bands[1], chosen.bands[2]};
  }
  std::optional<tbb::global_control> thread_limit;
  if (chosen.threads > 0)
    thread_limit.emplace(tbb::global_control::max_allowed_parallelism, chosen.threads);
  if (report->parsed()) return run_report(cohort, layout, module, report_options);
  if (nightly->parsed()) return run_nightly(nightly_command, nightly_options);
  return run_compare(side_a, side_b, compare_options);
}

}  // namespace huella
