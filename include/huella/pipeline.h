// The pipeline: runs every stage, from discovered submissions to scored pairs with fragments.
// Part of the cli layer, the only one that knows all stages.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "huella/corpus.h"
#include "huella/cosine.h"
#include "huella/features.h"
#include "huella/fingerprint.h"
#include "huella/generated.h"
#include "huella/images.h"
#include "huella/index.h"
#include "huella/lex.h"
#include "huella/report.h"
#include "huella/text.h"
#include "huella/verdict.h"

namespace huella {

struct PipelineOptions {
  TextLimits limits;
  // Per file, while lexing (the later per-file stages are linear in the tokens): a file with
  // more tokens, or still being lexed after this long, is reported and left out whole.
  std::uint32_t max_file_tokens = 500'000;
  double max_file_seconds = 10;
  FingerprintParams fingerprint;
  FeatureParams features;
  IndexParams index;
  PairFloor floor;
  CosineParams cosine;
  SectionParams sections;
  ContainmentParams containment;
  ScoreParams score;
  VerdictBands bands;
  ImageParams images;  // its max_share and min_count_to_drop are taken from `index`
  CosineListing cosine_listing;  // when a pair sharing no fingerprint is listed for a cosine
  std::vector<std::filesystem::path> base;  // files or folders everybody may share
  // The professor's material (files or folders of documents) and earlier cohorts' folders:
  // compared with every submission, never with each other.
  std::vector<std::filesystem::path> references;
  std::vector<std::filesystem::path> archives;
  // A student file this similar to a reference file is the professor's file handed in unchanged.
  double professor_file_share = 0.9;
  GeneratedLimits generated;  // generated content left out of similarity
  std::size_t fragment_pairs = 200;         // fragments only for the most similar pairs
  std::size_t fragments_per_pair = 50;
  double min_similarity = 0;  // pairs below, overall and in images, are left out of the result
  double unfilled_template_share = 0.8;  // a document this much template is handed in unfilled
};

// Called with (files done, files total) from worker threads; may be empty.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

// Per-file analyses kept between runs, so a file whose content was seen before is neither read
// nor tokenized again. Used for files with a SourceFile::content_id; keys also carry everything
// else that decides the analysis (version, parameters, base material). Entries are opaque
// bytes. Called from worker threads: implementations synchronize.
class AnalysisCache {
 public:
  virtual ~AnalysisCache() = default;
  virtual std::optional<std::string> find(const std::string& key) = 0;
  virtual void save(const std::string& key, std::string entry) = 0;
};

// Where a run's time went, stage by stage, and what the index cost: `--stats`, and the bench's
// model of how a run grows. Wall times, so never part of the (deterministic) report.
struct RunStats {
  struct Stage {
    std::string name;
    double seconds;      // wall
    double cpu_seconds;  // of every thread
  };
  std::vector<Stage> stages;  // in pipeline order
  IndexFootprint index;
  std::size_t pairs = 0;  // listed
};

// Times one stage from its construction: wall seconds and the CPU seconds of every thread.
class StageTimer {
 public:
  StageTimer();
  RunStats::Stage stop(std::string name) const;

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

// `submissions` are the cohort; the references and archives of `options` are added to them.
CohortResult analyze(std::vector<Submission> submissions, const PipelineOptions& options,
                     const ProgressCallback& progress = {}, AnalysisCache* cache = nullptr,
                     RunStats* stats = nullptr);

// The params section of the JSON: every parameter that decides a result.
nlohmann::ordered_json params_json(const PipelineOptions& options);

}  // namespace huella
