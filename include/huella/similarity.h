// Similarity: per-channel and overall scores of a pair from the fingerprints they share.
//
// similarity = 2|A∩B| / (|A| + |B|), coverage_a = |A∩B| / |A|, coverage_b = |A∩B| / |B|,
// over distinct fingerprints left after base subtraction and the frequency cut. Overall counts
// the fingerprints of every text channel together.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "huella/channel.h"
#include "huella/cosine.h"
#include "huella/images.h"
#include "huella/index.h"
#include "huella/markdown.h"

namespace huella {

struct ChannelSimilarity {
  double similarity = 0;
  double coverage_a = 0;
  double coverage_b = 0;
  std::uint32_t shared = 0;
  double cosine = 0;    // TF-IDF cosine of the channel's n-gram bags
  double literals = 0;  // TF-IDF cosine of the channel's literal values
  std::uint32_t cosine_shared = 0;    // n-grams the cosine rests on
  std::uint32_t literals_shared = 0;  // literal values the literal cosine rests on
};

// Which cosine of a channel a list of PairCosine fills: its value and its shared-feature count.
struct CosineMeasure {
  double ChannelSimilarity::*value;
  std::uint32_t ChannelSimilarity::*shared;
};
inline constexpr CosineMeasure kNgramCosine{&ChannelSimilarity::cosine,
                                            &ChannelSimilarity::cosine_shared};
inline constexpr CosineMeasure kLiteralCosine{&ChannelSimilarity::literals,
                                              &ChannelSimilarity::literals_shared};

// Shared token coverage of one file of each side, summed over fragments.
struct FilePairMatch {
  std::uint32_t a_file, b_file;
  Channel channel;
  std::uint32_t tokens;
};

// A Markdown section of one side whose prose the other side shares ("Parte 3: Reflexion 92%").
struct SectionMatch {
  bool in_b;           // the section is in submission b (else in a)
  std::uint32_t file;  // index into that submission's files
  std::string title;
  std::uint32_t first_line, last_line;
  std::uint32_t fingerprints;  // prose fingerprints in the section
  double coverage;             // share of them the other submission has too
};

// A file (its fingerprints of one channel) of one side that the other side shares for the most
// part, wherever in its files: a file copied whole, or nearly.
struct FileContainment {
  bool in_b;           // the file is in submission b (else in a)
  std::uint32_t file;  // index into that submission's files
  Channel channel;
  std::uint32_t fingerprints;  // counted fingerprints of the file in that channel
  double coverage;             // share of them the other submission has too
};

struct ContainmentParams {
  std::uint32_t min_fingerprints = 4;
  double min_coverage = 0.5;
};

struct SectionParams {
  std::uint32_t min_fingerprints = 4;  // shorter sections say too little to report
  double min_coverage = 0.5;
};

struct PairResult {
  std::uint32_t a, b;  // submission indices
  ChannelSimilarity overall;
  std::array<ChannelSimilarity, kChannelCount> channels;
  bool fragments_computed = false;     // fragments are computed for the pairs worth reading
  std::uint32_t longest_fragment = 0;  // tokens
  std::vector<Fragment> fragments;     // longest first
  std::vector<FilePairMatch> file_pairs;  // most shared first
  std::vector<SectionMatch> sections;     // a's sections, then b's, in document order
  std::vector<FileContainment> contained_files;  // a's, then b's, by file and channel
  std::vector<ImageMatch> image_matches;     // a_file, b_file: indices into each side's files
  std::vector<MetadataMatch> image_metadata;  // rare metadata values both sides' images carry
};

ChannelSimilarity channel_similarity(std::uint32_t shared, std::uint32_t total_a,
                                     std::uint32_t total_b);

// Below these, a pair's shared fingerprints are the chance overlap of common structure (with
// identifiers collapsed, most pairs of a cohort share a few): such pairs are not kept.
struct PairFloor {
  double overall = 0.05;             // kept when the overall similarity reaches this...
  double channel = 0.25;             // ...or one channel's similarity reaches this
  std::uint32_t channel_shared = 8;  // on at least this many shared fingerprints
};

// Scores the candidate pairs above the floor; sorted by overall similarity, highest first,
// then by ids.
std::vector<PairResult> score_pairs(const CohortIndex& index, const PairFloor& floor);

// The ranking: overall similarity, highest first, then submission indices.
bool ranks_before(const PairResult& x, const PairResult& y);

// A pair sharing no fingerprint is listed from one channel's cosine when that cosine reaches
// `cosine` on at least `shared` features: innocent pairs reach high cosines on a handful of
// n-grams common to a corner of the cohort (the same compose lines), copies on many.
struct CosineListing {
  double cosine = 0.3;
  std::uint32_t shared = 8;
};

// Sets each pair's `measure` (n-gram or literal cosine) in `channel`, and adds the pairs that
// share no fingerprint but reach `listing` there. Keeps `pairs` sorted as score_pairs does.
void attach_cosines(std::vector<PairResult>& pairs, Channel channel, const CosineMeasure& measure,
                    std::span<const PairCosine> cosines, const CosineListing& listing);

// Sets the images channel (similarity, coverage_a, coverage_b; shared = image matches), the
// image matches and the metadata matches of the pairs in `images`, whose files are indices into
// each side's files, and adds the pairs that match only through images. Keeps `pairs` sorted.
void attach_images(std::vector<PairResult>& pairs, std::span<const ImagePairResult> images);

// The sections of one side (`files[i]` its fingerprints, `sections[i]` its sections) whose prose
// fingerprints the other side (its fingerprint hashes, sorted) holds enough of, leaving out a
// section whose enclosing section is reported.
std::vector<SectionMatch> match_sections(std::span<const std::span<const Fingerprint>> files,
                                         std::span<const std::vector<MarkdownSection>> sections,
                                         std::span<const std::uint64_t> other_sorted,
                                         const CohortIndex& index, bool in_b,
                                         const SectionParams& params);

// The files of one side (`files[i]` its fingerprints) whose counted fingerprints, per channel,
// the other side (its fingerprint hashes, sorted) holds for at least min_coverage.
std::vector<FileContainment> contained_files(std::span<const std::span<const Fingerprint>> files,
                                             std::span<const std::uint64_t> other_sorted,
                                             const CohortIndex& index, bool in_b,
                                             const ContainmentParams& params);

// Attaches the longest fragment, the file pairs that fragments join, and the first `keep`
// fragments (longest first).
void attach_fragments(PairResult& pair, std::vector<Fragment> fragments, std::size_t keep);

}  // namespace huella
