// Report: the run's results as JSON (the contract), CSV, and text for a terminal.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "huella/channel.h"
#include "huella/corpus.h"
#include "huella/generated.h"
#include "huella/markdown.h"
#include "huella/references.h"
#include "huella/similarity.h"
#include "huella/verdict.h"
#include "huella/watermark.h"

namespace huella {

inline constexpr int kJsonSchema = 2;

struct FileSummary {
  std::string path;
  std::filesystem::path absolute;
  Channel channel = Channel::other;
  std::string language;
  std::uint32_t tokens = 0;
  std::uint32_t fingerprints = 0;
  std::uint32_t replaced_bytes = 0;  // invalid UTF-8 replaced before lexing
  std::uint32_t base_tokens = 0;     // tokens that are still base material (the template)
  std::uint32_t invisible_chars = 0;  // zero-width and other invisible characters
  std::string content_key;            // content_key of the bytes read
  std::vector<GeneratedRegion> generated;  // generated content left out of similarity
  std::vector<MarkdownSection> sections;  // Markdown files only
  // Text decoded from a base64 blob of another file: that file, the blob's line, the text.
  std::string hidden_in;
  std::uint32_t hidden_line = 0;
  std::string content;
};

// A fact about one submission that needs no partner.
struct Finding {
  // "unfilled_template", "invisible_characters", "hidden_text", "professor_file"
  std::string kind;
  std::string file;
  double value;        // the template share, the number of characters, the blob's line, the share
  std::string source;  // professor_file: the reference or base file handed in
};

// A watermark of the professor's found in a file of a submission.
struct WatermarkFinding {
  std::uint32_t submission;  // index into CohortResult::submissions
  std::string file;
  Watermark mark;
  std::string source;  // the reference files it points to; "" when unknown
};

struct SubmissionSummary {
  std::string id;
  std::string archive;  // the archive an earlier cohort's submission comes from; "" for the cohort
  std::string path;
  std::vector<FileSummary> files;  // fragment file indices point here
  std::vector<SkippedFile> skipped;
  std::vector<Finding> findings;
};

struct CohortResult {
  nlohmann::ordered_json params;  // every parameter that decided the result
  std::vector<SubmissionSummary> submissions;  // the cohort by id, then archived submissions
  std::vector<PairResult> pairs;      // highest score first; an archived submission is side b
  std::vector<PairVerdict> verdicts;  // verdicts[i] judges pairs[i]
  std::vector<Cluster> clusters;
  std::vector<SubmissionSummary> reference_documents;  // the professor's documents, by id
  std::vector<ReferenceResult> references;  // by submission, then highest figure first
  std::vector<WatermarkFinding> watermarks;  // by submission, file, line
  std::vector<std::string> errors;  // "path: reason"

  // The submissions of the cohort itself, archived ones left out.
  std::size_t cohort_size() const {
    return static_cast<std::size_t>(std::count_if(submissions.begin(), submissions.end(),
                                                  [](const auto& s) { return s.archive.empty(); }));
  }
};

enum class ReportLanguage { es, en };

// A reason in words: "código: 93% idéntico (huellas)".
std::string reason_text(const Reason& reason, ReportLanguage language);

// The JSON contract (schema kJsonSchema). Same input and params give byte-identical output.
nlohmann::ordered_json to_json(const CohortResult& result,
                               ReportLanguage language = ReportLanguage::es);

// One row per pair: score, verdict, every channel's figures in columns, the reasons in words.
void write_csv(std::ostream& out, const CohortResult& result,
               ReportLanguage language = ReportLanguage::es);

// The ranked table of the `top` most similar pairs.
void write_ranking(std::ostream& out, const CohortResult& result, std::size_t top,
                   ReportLanguage language);

// One line per finding: unfilled templates, invisible characters, professor's files.
void write_findings(std::ostream& out, const CohortResult& result, ReportLanguage language);

// One line per reference document a submission draws on (above `original`) and per watermark.
void write_outside_sources(std::ostream& out, const CohortResult& result, ReportLanguage language);

// One pair in detail: score, verdict and reasons, channel scores, then each fragment's lines from both files side by side.
void write_comparison(std::ostream& out, const CohortResult& result, const PairResult& pair,
                      const PairVerdict& verdict, std::size_t max_fragments,
                      ReportLanguage language);

// Writes `content` to `path` through a temporary file and a rename, so readers never see half.
// Returns "" or a one-line reason.
std::string write_file_atomically(const std::filesystem::path& path, const std::string& content);

// Fails early, before any work, when `path` cannot be written. Returns "" or a reason.
std::string check_writable(const std::filesystem::path& path);

}  // namespace huella
