#include "huella/pipeline.h"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <iterator>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analyzed_file.h"
#include "huella/generated.h"
#include "huella/hidden_text.h"
#include "huella/markdown.h"
#include "huella/references.h"
#include "huella/similarity.h"
#include "huella/verbatim.h"
#include "huella/watermark.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

// Lexing, winnowing and features of one text, as a file of `channel` read by `lex`; false with
// `out.reason` when the lexer refused it.
bool analyze_text(std::string_view text, Channel channel, LexFunction lex, const LexLimits& limits,
                  const PipelineOptions& options, const BaseMaterial& base, AnalyzedFile& out) {
  const auto tokens = tokenize(text, channel, lex, limits);
  if (!tokens.refused.empty()) {
    out.reason = tokens.refused;
    return false;
  }
  if (lex == lex_markdown) out.sections = markdown_sections(text);
  out.tokens = static_cast<std::uint32_t>(tokens.tokens.size());
  auto winnowed = winnow(tokens, options.fingerprint, base);
  out.features = extract_features(tokens, winnowed.token_in_base, options.features);
  out.fingerprints = std::move(winnowed.fingerprints);
  out.base_tokens = winnowed.base_tokens;
  out.ok = true;
  return true;
}

LexLimits lex_limits(const PipelineOptions& options) {
  LexLimits limits;
  limits.max_tokens = options.max_file_tokens;
  const auto budget = std::chrono::duration<double>(options.max_file_seconds);
  limits.deadline = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(budget);
  return limits;
}

AnalyzedFile analyze_file(const SourceFile& file, const PipelineOptions& options,
                          const BaseMaterial& base) {
  AnalyzedFile out;
  if (file.channel == Channel::images) {
    auto read = read_image(file.absolute, options.images);
    out.ok = read.ok;
    out.reason = std::move(read.reason);
    out.key = read.signature.bytes_key;
    out.image = std::move(read.signature);
    return out;
  }
  auto read = read_text_file(file.absolute, options.limits);
  if (!read.ok) {
    out.reason = std::move(read.reason);
    return out;
  }
  out.key = std::move(read.decoded.key);
  out.replaced_bytes = read.decoded.replaced_bytes;
  out.invisible_chars = read.decoded.invisible_chars;
  out.watermarks = find_watermarks(read.decoded.text);
  out.generated = find_generated(read.decoded.text, file.language->name, options.generated);
  const auto limits = lex_limits(options);
  std::string authored;
  if (!out.generated.empty()) {
    authored = read.decoded.text;
    blank_regions(authored, out.generated);
  }
  const std::string_view lexed = out.generated.empty() ? read.decoded.text : authored;
  if (!analyze_text(lexed, file.channel, file.language->lex, limits, options, base, out)) return out;
  for (auto& blob : find_hidden_text(read.decoded.text)) {
    AnalyzedFile& hidden = out.hidden.emplace_back();
    hidden.hidden_line = blob.line;
    hidden.hidden_text = std::move(blob.text);
    if (!analyze_text(hidden.hidden_text, Channel::prose, lex_markdown, limits, options, base, hidden)) {
      // Nothing is compared half: the file goes with the text it hides.
      AnalyzedFile refused;
      refused.reason = "base64 text at line " + std::to_string(blob.line) + ": " + hidden.reason;
      return refused;
    }
  }
  return out;
}

// A bug in a reader must cost one file, never the night's report: an exception becomes the
// file's reason.
AnalyzedFile analyze_file_guarded(const SourceFile& file, const PipelineOptions& options,
                                  const BaseMaterial& base) {
  try {
    return analyze_file(file, options, base);
  } catch (const std::exception& e) {
    AnalyzedFile failed;
    failed.reason = std::string("cannot be analyzed: ") + e.what();
    return failed;
  }
}

// Every k-gram of the base material, so that anything a submission shares with it is ignored,
// and the content key of each base file, so that one handed in unchanged is told.
struct Base {
  BaseMaterial material;
  std::unordered_map<std::string, std::string> file_by_key;
};

Base load_base(const PipelineOptions& options, std::vector<std::string>& errors) {
  Base base;
  for (const auto& path : options.base) {
    std::error_code ec;
    Submission material;
    if (fs::is_directory(path, ec))
      material = discover_submission(path, path.string(), DiscoveryOptions{});
    else if (fs::is_regular_file(path, ec))
      material = single_file_submission(path, path.string());
    else {
      errors.push_back(path.string() + ": base material not found");
      continue;
    }
    for (const auto& file : material.files) {
      if (file.language->lex == nullptr) continue;
      const auto read = read_text_file(file.absolute, options.limits);
      if (!read.ok) {
        errors.push_back((material.root / file.path).string() + ": " + read.reason);
        continue;
      }
      auto tokens = tokenize(read.decoded.text, file.channel, file.language->lex, lex_limits(options));
      if (!tokens.refused.empty()) {
        errors.push_back((material.root / file.path).string() + ": " + tokens.refused);
        continue;
      }
      base.material.add(tokens, options.fingerprint);
      base.file_by_key.emplace(read.decoded.key, (material.root / file.path).generic_string());
    }
  }
  return base;
}

// What decides a file's analysis besides its bytes: cache entries are valid under this key only.
std::string analysis_scope(const PipelineOptions& options, const Base& base) {
  std::vector<std::string> keys;
  for (const auto& [key, file] : base.file_by_key) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  std::string scope = std::string(HUELLA_VERSION) + "/" + std::to_string(kAnalysisEncoding) + "/" +
                      params_json(options).dump();
  for (const auto& key : keys) scope += "/" + key;
  return content_key(scope);
}

// The file's analysis from `cache` when it holds one for the file's content, else computed and
// saved there.
AnalyzedFile analyze_file_through(const SourceFile& file, const PipelineOptions& options,
                                  const BaseMaterial& base, AnalysisCache* cache,
                                  const std::string& scope) {
  if (cache == nullptr || file.content_id.empty()) return analyze_file_guarded(file, options, base);
  const std::string key = file.content_id + "/" + scope;
  AnalyzedFile analyzed;
  if (const auto entry = cache->find(key); entry && decode_analysis(*entry, analyzed)) {
    analyzed.image.path = file.absolute;
    return analyzed;
  }
  analyzed = analyze_file_guarded(file, options, base);
  cache->save(key, encode_analysis(analyzed));
  return analyzed;
}

// The per-file stages, in parallel over every file of every submission, in submission order.
std::vector<AnalyzedFile> analyze_files(const std::vector<Submission>& submissions,
                                        const PipelineOptions& options, const BaseMaterial& base,
                                        const ProgressCallback& progress, AnalysisCache* cache,
                                        const std::string& scope) {
  std::vector<const SourceFile*> files;
  for (const auto& submission : submissions)
    for (const auto& file : submission.files) files.push_back(&file);
  std::vector<AnalyzedFile> analyzed(files.size());
  std::atomic<std::size_t> done{0};
  tbb::parallel_for(std::size_t{0}, files.size(), [&](std::size_t i) {
    analyzed[i] = analyze_file_through(*files[i], options, base, cache, scope);
    const auto n = ++done;
    if (progress) progress(n, files.size());
  });
  return analyzed;
}

// What the pair stages need of the analyzed files of a cohort.
struct CohortMaterial {
  explicit CohortMaterial(std::size_t submissions)
      : fingerprints(submissions), features(submissions), images(submissions),
        watermarks(submissions) {}
  std::vector<std::vector<std::span<const Fingerprint>>> fingerprints;  // per submission, per file
  std::vector<IndexedFile> indexed;
  std::vector<FileFeatures> features;  // per submission
  std::vector<std::vector<ImageSignature>> images;  // per submission; `file` indexes its files
  // Per submission, the watermarks of each file that has some: file index, marks.
  std::vector<std::vector<std::pair<std::uint32_t, std::vector<Watermark>>>> watermarks;
};

// The summary of one submission; its readable files go into `material`. A file with the same
// bytes as an earlier one of the submission counts once.
SubmissionSummary summarize(const Submission& submission, std::uint32_t s,
                            std::span<AnalyzedFile> analyzed, CohortMaterial& material) {
  SubmissionSummary summary{submission.id, submission.archive, submission.root.generic_string(), {},
                            submission.skipped, {}};
  std::unordered_map<std::string, std::string> first_with_key;
  for (std::size_t i = 0; i < analyzed.size(); ++i) {
    const auto& file = submission.files[i];
    auto& a = analyzed[i];
    if (!a.ok) {
      summary.skipped.push_back({file.path, a.reason, true});
      continue;
    }
    if (!a.key.empty()) {
      auto [it, fresh] = first_with_key.emplace(a.key, file.path);
      if (!fresh) {
        summary.skipped.push_back({file.path, "same content as " + it->second, false});
        continue;
      }
    }
    const auto keep = [&](AnalyzedFile& analyzed_file, FileSummary summary_of_file) {
      summary_of_file.tokens = analyzed_file.tokens;
      summary_of_file.fingerprints = static_cast<std::uint32_t>(analyzed_file.fingerprints.size());
      summary_of_file.base_tokens = analyzed_file.base_tokens;
      summary_of_file.sections = std::move(analyzed_file.sections);
      summary.files.push_back(std::move(summary_of_file));
      material.fingerprints[s].emplace_back(analyzed_file.fingerprints);
      material.indexed.push_back({s, analyzed_file.fingerprints});
      merge_features(material.features[s].ngrams, analyzed_file.features.ngrams);
      merge_features(material.features[s].literals, analyzed_file.features.literals);
      analyzed_file.features = {};
    };
    if (file.channel == Channel::images) {
      a.image.file = static_cast<std::uint32_t>(summary.files.size());
      material.images[s].push_back(std::move(a.image));
    }
    FileSummary read_file;
    read_file.path = file.path;
    read_file.absolute = file.absolute;
    read_file.channel = file.channel;
    read_file.language = file.language->name;
    read_file.replaced_bytes = a.replaced_bytes;
    read_file.invisible_chars = a.invisible_chars;
    read_file.content_key = a.key;
    read_file.generated = std::move(a.generated);
    if (!a.watermarks.empty())
      material.watermarks[s].emplace_back(static_cast<std::uint32_t>(summary.files.size()),
                                          std::move(a.watermarks));
    keep(a, std::move(read_file));
    for (auto& hidden : a.hidden) {
      FileSummary decoded;
      decoded.path = file.path + "#base64:" + std::to_string(hidden.hidden_line);
      decoded.absolute = file.absolute;
      decoded.channel = Channel::prose;
      decoded.language = "markdown";
      decoded.hidden_in = file.path;
      decoded.hidden_line = hidden.hidden_line;
      decoded.content = std::move(hidden.hidden_text);
      keep(hidden, std::move(decoded));
    }
  }
  std::sort(summary.skipped.begin(), summary.skipped.end(),
            [](const auto& x, const auto& y) { return x.path < y.path; });
  return summary;
}

std::vector<Finding> findings_of(const SubmissionSummary& summary, const PipelineOptions& options,
                                 const Base& base) {
  std::vector<Finding> findings;
  for (const auto& f : summary.files) {
    // Near-identical base prose is an unfilled template; starter code is meant to be reused, so
    // only its unchanged bytes are told.
    if (const auto it = base.file_by_key.find(f.content_key); it != base.file_by_key.end())
      findings.push_back({"professor_file", f.path, 1.0, it->second});
    const double share = f.tokens == 0 ? 0.0 : static_cast<double>(f.base_tokens) / f.tokens;
    // Starter code and compose files are meant to be reused; a document is meant to be written.
    if (f.channel == Channel::prose && share >= options.unfilled_template_share)
      findings.push_back({"unfilled_template", f.path, share, {}});
    if (f.invisible_chars > 0)
      findings.push_back({"invisible_characters", f.path, static_cast<double>(f.invisible_chars), {}});
    if (!f.hidden_in.empty())
      findings.push_back({"hidden_text", f.hidden_in, static_cast<double>(f.hidden_line), {}});
  }
  return findings;
}

// TF-IDF cosines of n-grams and of literal values, per text channel. Every cosine is computed
// before any is attached, so a pair listed for one of them carries all the others too.
void attach_channel_cosines(std::vector<PairResult>& pairs, std::vector<FileFeatures>& features,
                            const PipelineOptions& options) {
  struct Computed {
    Channel channel;
    CosineMeasure measure;
    std::vector<PairCosine> cosines;
  };
  std::vector<Computed> computed;
  for (const Channel c : kTextChannels)
    for (const auto bag_of : {&FileFeatures::ngrams, &FileFeatures::literals}) {
      std::vector<std::vector<FeatureCount>> bags(features.size());
      for (std::size_t s = 0; s < features.size(); ++s)
        bags[s] = std::move((features[s].*bag_of)[channel_index(c)]);
      computed.push_back({c,
                          bag_of == &FileFeatures::ngrams ? kNgramCosine : kLiteralCosine,
                          cosine_pairs(bags, options.index, options.cosine)});
    }
  for (const auto& c : computed) attach_cosines(pairs, c.channel, c.measure, c.cosines, options.cosine_listing);
  for (const auto& c : computed)  // the values missed by pairs added after their list was read
    attach_cosines(pairs, c.channel, c.measure, c.cosines,
                   {std::numeric_limits<double>::infinity(), 0});
}

// The images channel. ORB looks for crops and embedded captures within the pairs worth reading
// (those that get fragments; every pair when they all fit, as in `compare`) and the pairs sharing
// a near-identical image.
void attach_image_matches(std::vector<PairResult>& pairs, const CohortMaterial& material,
                          std::uint32_t cohort_size, const PipelineOptions& options) {
  const auto n = static_cast<std::uint32_t>(material.images.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> suspected;
  if (std::size_t{n} * (n - 1) / 2 <= options.fragment_pairs) {
    for (std::uint32_t a = 0; a < std::min(n, cohort_size); ++a)
      for (std::uint32_t b = a + 1; b < n; ++b) suspected.emplace_back(a, b);
  } else {
    for (std::size_t i = 0; i < std::min(options.fragment_pairs, pairs.size()); ++i)
      suspected.emplace_back(pairs[i].a, pairs[i].b);
  }
  auto params = options.images;
  params.frequency_cut = options.index.frequency_cut(n);
  attach_images(pairs, match_images(material.images, suspected, params));
}

// Every submission's fingerprint hashes, sorted: what the other side of a pair holds.
std::vector<std::vector<std::uint64_t>> sorted_hashes(const CohortMaterial& material) {
  std::vector<std::vector<std::uint64_t>> hashes(material.fingerprints.size());
  tbb::parallel_for(std::size_t{0}, hashes.size(), [&](std::size_t s) {
    for (const auto& file : material.fingerprints[s])
      for (const auto& fp : file) hashes[s].push_back(fp.hash);
    std::sort(hashes[s].begin(), hashes[s].end());
  });
  return hashes;
}

// Section matches and contained files of every listed pair: cheap next to fragments, and the
// score needs them.
void attach_evidence(std::vector<PairResult>& pairs, const std::vector<SubmissionSummary>& members,
                     const std::vector<std::vector<std::uint64_t>>& hashes,
                     const CohortMaterial& material, const CohortIndex& index,
                     const PipelineOptions& options) {
  const auto sections_of = [&](std::uint32_t s) {
    std::vector<std::vector<MarkdownSection>> out;
    for (const auto& f : members[s].files) out.push_back(f.sections);
    return out;
  };
  const auto& fps = material.fingerprints;
  tbb::parallel_for(std::size_t{0}, pairs.size(), [&](std::size_t i) {
    auto& pair = pairs[i];
    pair.sections = match_sections(fps[pair.a], sections_of(pair.a), hashes[pair.b], index, false,
                                   options.sections);
    auto b_sections = match_sections(fps[pair.b], sections_of(pair.b), hashes[pair.a], index, true,
                                     options.sections);
    pair.sections.insert(pair.sections.end(), b_sections.begin(), b_sections.end());
    pair.contained_files = contained_files(fps[pair.a], hashes[pair.b], index, false, options.containment);
    auto b_files = contained_files(fps[pair.b], hashes[pair.a], index, true, options.containment);
    pair.contained_files.insert(pair.contained_files.end(), b_files.begin(), b_files.end());
  });
}

// Fragments for the pairs worth reading: the first `fragment_pairs` of the ranking.
void attach_pair_fragments(std::vector<PairResult>& pairs, const CohortMaterial& material,
                           const CohortIndex& index, const PipelineOptions& options) {
  const auto& fps = material.fingerprints;
  const std::size_t with_fragments = std::min(options.fragment_pairs, pairs.size());
  tbb::parallel_for(std::size_t{0}, with_fragments, [&](std::size_t i) {
    auto& pair = pairs[i];
    attach_fragments(pair, match_fragments(fps[pair.a], fps[pair.b], index, options.fingerprint.k),
                     options.fragments_per_pair);
  });
}

// Appends the archives' submissions, then the reference documents, to the cohort; returns where
// the references begin.
std::uint32_t add_outside_sources(std::vector<Submission>& members, const PipelineOptions& options,
                                  std::vector<std::string>& errors) {
  DiscoveryOptions discovery;
  discovery.max_file_bytes = options.limits.max_file_bytes;
  const auto add = [&](const auto& discover, const std::filesystem::path& path) {
    try {
      auto found = discover(path, discovery);
      std::move(found.begin(), found.end(), std::back_inserter(members));
    } catch (const std::exception& e) {
      errors.push_back(e.what());
    }
  };
  for (const auto& path : options.archives) add(discover_archive, path);
  const auto references_begin = static_cast<std::uint32_t>(members.size());
  for (const auto& path : options.references) add(discover_references, path);
  return references_begin;
}

// Each submission against each reference document it shares fingerprints or images with.
std::vector<ReferenceResult> judge_references(std::vector<PairResult> pairs,
                                              const CohortMaterial& material,
                                              const CohortIndex& index,
                                              const PipelineOptions& options) {
  std::vector<ReferenceResult> out;
  for (auto& pair : pairs) {
    auto files = reference_file_matches(material.fingerprints[pair.a], material.fingerprints[pair.b],
                                        pair.image_matches, index);
    out.push_back(judge_reference(std::move(pair), std::move(files), options.bands));
  }
  std::sort(out.begin(), out.end(), [](const ReferenceResult& x, const ReferenceResult& y) {
    if (x.pair.a != y.pair.a) return x.pair.a < y.pair.a;
    if (x.highest != y.highest) return x.highest > y.highest;
    return x.pair.b < y.pair.b;
  });
  return out;
}

// How reports name a reference file: its folder's name and its path, like the document ids.
std::string reference_file_name(const SubmissionSummary& document, const FileSummary& file) {
  return (std::filesystem::path(document.id).parent_path() / file.path).generic_string();
}

// A student text file whose lines are nearly all a reference file's, as written: the professor's
// file handed in unchanged. Fingerprints pick the candidates; the text decides.
void add_professor_files(CohortResult& result, const PipelineOptions& options) {
  const auto text_of = [&](const FileSummary& file) {
    auto read = read_text_file(file.absolute, options.limits);
    return read.ok ? std::move(read.decoded.text) : std::string();
  };
  for (const auto& reference : result.references) {
    auto& submission = result.submissions[reference.pair.a];
    const auto& document = result.reference_documents[reference.pair.b];
    for (const auto& m : reference.files) {
      const auto& file = submission.files[m.file];
      const auto& original = document.files[m.reference_file];
      if (m.similarity < options.professor_file_share || file.channel == Channel::images ||
          !file.hidden_in.empty())
        continue;
      const double share = verbatim_line_share(text_of(file), text_of(original));
      if (share >= options.professor_file_share)
        submission.findings.push_back(
            {"professor_file", file.path, share, reference_file_name(document, original)});
    }
  }
}

// The cohort's watermarks, each traced to the reference files carrying the same mark.
std::vector<WatermarkFinding> watermark_findings(const CohortResult& result,
                                                 const CohortMaterial& material,
                                                 std::uint32_t cohort_size,
                                                 std::uint32_t references_begin) {
  WatermarkSources sources;
  for (std::uint32_t d = 0; d < result.reference_documents.size(); ++d) {
    const auto& document = result.reference_documents[d];
    std::vector<std::vector<Watermark>> marks(document.files.size());
    for (const auto& [file, own] : material.watermarks[references_begin + d]) marks[file] = own;
    for (std::uint32_t f = 0; f < document.files.size(); ++f)
      sources.add(reference_file_name(document, document.files[f]),
                  std::filesystem::path(document.files[f].path).filename().string(), marks[f]);
  }
  std::vector<WatermarkFinding> out;
  for (std::uint32_t s = 0; s < cohort_size; ++s)
    for (const auto& [file, marks] : material.watermarks[s])
      for (const auto& mark : marks)
        out.push_back({s, result.submissions[s].files[file].path, mark, sources.source_of(mark)});
  std::stable_sort(out.begin(), out.end(), [](const WatermarkFinding& x, const WatermarkFinding& y) {
    return std::tie(x.submission, x.file, x.mark.line) < std::tie(y.submission, y.file, y.mark.line);
  });
  return out;
}

nlohmann::ordered_json score_params_json(const ScoreParams& score) {
  nlohmann::ordered_json noise = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < kTextChannels.size(); ++i)
    noise[std::string(channel_name(kTextChannels[i]))] = {{"similarity", score.noise[i].similarity},
                                                          {"cosine", score.noise[i].cosine},
                                                          {"literals", score.noise[i].literals}};
  return {{"noise", std::move(noise)},
          {"min_shared_ngrams", score.min_shared_ngrams},
          {"min_shared_literals", score.min_shared_literals},
          {"channel_weight", score.channel_weight},
          {"file_weight", score.file_weight},
          {"min_file_fingerprints", score.min_file_fingerprints},
          {"literals_weight", score.literals_weight},
          {"section_weight", score.section_weight},
          {"images_weight", score.images_weight},
          {"min_reason", score.min_reason}};
}

// A finding of either side explains a pair too ("B: handed in the template unfilled").
void add_finding_reasons(const SubmissionSummary& side, char name, PairVerdict& verdict) {
  for (const auto& f : side.findings)
    verdict.reasons.push_back({.kind = Reason::Kind::finding, .subject = f.kind, .side = name,
                               .value = f.value});
}

// Scores, bands and explains every pair, then ranks them by score.
void judge(CohortResult& result, const PipelineOptions& options) {
  std::vector<std::vector<std::string>> file_paths;
  for (const auto& s : result.submissions) {
    auto& paths = file_paths.emplace_back();
    for (const auto& f : s.files) paths.push_back(f.path);
  }
  result.verdicts.assign(result.pairs.size(), {});
  tbb::parallel_for(std::size_t{0}, result.pairs.size(), [&](std::size_t i) {
    const auto& pair = result.pairs[i];
    auto& verdict = result.verdicts[i] = judge_pair(pair, file_paths, options.score, options.bands);
    add_finding_reasons(result.submissions[pair.a], 'a', verdict);
    add_finding_reasons(result.submissions[pair.b], 'b', verdict);
  });
  rank_by_score(result.pairs, result.verdicts);
}

}  // namespace

nlohmann::ordered_json params_json(const PipelineOptions& options) {
  const auto paths = [](const std::vector<std::filesystem::path>& list) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& p : list) out.push_back(p.generic_string());
    return out;
  };
  return {{"k", options.fingerprint.k},
          {"window", options.fingerprint.window},
          {"min_novel_share", options.fingerprint.min_novel_share},
          {"code_ngram", options.features.code_ngram},
          {"prose_ngrams", {options.features.prose_min_ngram, options.features.prose_max_ngram}},
          {"min_cosine", options.cosine.min_cosine},
          {"list_cosine", options.cosine_listing.cosine},
          {"list_cosine_shared", options.cosine_listing.shared},
          {"max_share", options.index.max_share},
          {"min_count_to_drop", options.index.min_count_to_drop},
          {"max_count", options.index.max_count},
          {"max_file_bytes", options.limits.max_file_bytes},
          {"max_file_tokens", options.max_file_tokens},
          {"max_file_seconds", options.max_file_seconds},
          {"fragment_pairs", options.fragment_pairs},
          {"fragments_per_pair", options.fragments_per_pair},
          {"min_similarity", options.min_similarity},
          {"floor", {{"overall", options.floor.overall},
                     {"channel", options.floor.channel},
                     {"channel_shared", options.floor.channel_shared}}},
          {"unfilled_template_share", options.unfilled_template_share},
          {"score", score_params_json(options.score)},
          {"bands", {{"similar_parcial", options.bands.similar_parcial},
                     {"muy_similar", options.bands.muy_similar},
                     {"copia", options.bands.copia}}},
          {"images", {{"max_pixels", options.images.max_pixels},
                      {"max_bytes", options.images.max_bytes},
                      {"working_side", options.images.working_side},
                      {"hash_radius", options.images.hash_radius},
                      {"hash_neighbours", options.images.hash_neighbours},
                      {"realign_radius", options.images.realign_radius},
                      {"realign_below", options.images.realign_below},
                      {"orb_features", options.images.orb_features},
                      {"ratio_test", options.images.ratio_test},
                      {"min_inliers", options.images.min_inliers},
                      {"min_textured_cells", options.images.min_textured_cells},
                      {"min_overlap", options.images.min_overlap},
                      {"max_scattered", options.images.max_scattered},
                      {"max_overlay_share", options.images.max_overlay_share}}},
          {"base", paths(options.base)},
          {"references", paths(options.references)},
          {"archives", paths(options.archives)},
          {"professor_file_share", options.professor_file_share},
          {"generated", {{"long_line", options.generated.long_line},
                         {"min_minified_bytes", options.generated.min_minified_bytes},
                         {"minified_average_line", options.generated.minified_average_line},
                         {"min_data_uri", options.generated.min_data_uri}}}};
}

namespace {

double process_cpu_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Times the consecutive stages of one run into RunStats, when asked for.
class StageClock {
 public:
  explicit StageClock(RunStats* stats) : stats_(stats) {}
  void finished(const char* stage) {
    if (stats_ == nullptr) return;
    stats_->stages.push_back(timer_.stop(stage));
    timer_ = StageTimer();
  }

 private:
  RunStats* stats_;
  StageTimer timer_;
};

}  // namespace

StageTimer::StageTimer() : wall_(std::chrono::steady_clock::now()), cpu_(process_cpu_seconds()) {}

RunStats::Stage StageTimer::stop(std::string name) const {
  return {std::move(name), std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count(),
          process_cpu_seconds() - cpu_};
}

CohortResult analyze(std::vector<Submission> submissions, const PipelineOptions& options,
                     const ProgressCallback& progress, AnalysisCache* cache, RunStats* stats) {
  StageClock clock(stats);
  CohortResult result;
  result.params = params_json(options);
  const auto base = load_base(options, result.errors);
  const auto cohort_size = static_cast<std::uint32_t>(submissions.size());
  const auto references_begin = add_outside_sources(submissions, options, result.errors);
  auto analyzed = analyze_files(submissions, options, base.material, progress, cache,
                                analysis_scope(options, base));
  clock.finished("files: read, lex, fingerprint, features, image hashes");

  CohortMaterial material(submissions.size());
  std::vector<SubmissionSummary> members;
  std::size_t next = 0;
  for (std::uint32_t s = 0; s < submissions.size(); ++s) {
    const auto files = std::span(analyzed).subspan(next, submissions[s].files.size());
    next += files.size();
    auto summary = summarize(submissions[s], s, files, material);
    if (s < cohort_size) summary.findings = findings_of(summary, options, base);
    members.push_back(std::move(summary));
  }
  clock.finished("submissions: summaries, findings");

  const CohortIndex index(material.indexed, static_cast<std::uint32_t>(submissions.size()),
                          options.index, cohort_size);
  if (stats != nullptr) stats->index = index.footprint();
  clock.finished("index");
  auto pairs = score_pairs(index, options.floor);
  clock.finished("pairs: shared fingerprints");
  attach_channel_cosines(pairs, material.features, options);
  clock.finished("pairs: TF-IDF cosines");
  attach_image_matches(pairs, material, cohort_size, options);
  clock.finished("pairs: screenshots");
  std::erase_if(pairs, [&](const PairResult& p) {
    return p.a >= cohort_size ||
           std::max(p.overall.similarity, p.channels[channel_index(Channel::images)].similarity) <
               options.min_similarity;
  });
  const auto hashes = sorted_hashes(material);
  std::vector<PairResult> reference_pairs;
  for (auto& p : pairs)
    if (p.b >= references_begin) reference_pairs.push_back(std::move(p));
  std::erase_if(pairs, [&](const PairResult& p) { return p.b >= references_begin; });
  attach_evidence(reference_pairs, members, hashes, material, index, options);
  attach_pair_fragments(reference_pairs, material, index, options);
  result.references = judge_references(std::move(reference_pairs), material, index, options);
  for (auto& reference : result.references) reference.pair.b -= references_begin;
  result.reference_documents.assign(std::make_move_iterator(members.begin() + references_begin),
                                    std::make_move_iterator(members.end()));
  members.resize(references_begin);
  result.submissions = std::move(members);
  add_professor_files(result, options);

  result.pairs = std::move(pairs);
  attach_evidence(result.pairs, result.submissions, hashes, material, index, options);
  clock.finished("pairs: references, sections, contained files");
  judge(result, options);
  attach_pair_fragments(result.pairs, material, index, options);
  clock.finished("pairs: fragments");
  judge(result, options);  // now with the longest fragment among the reasons
  result.clusters = cluster_pairs(result.pairs, result.verdicts);
  result.watermarks = watermark_findings(result, material, cohort_size, references_begin);
  clock.finished("verdicts, clusters, watermarks");
  if (stats != nullptr) stats->pairs = result.pairs.size();
  return result;
}

}  // namespace huella
