// Verdict: one combined score per pair from its channels, a band of the course policy, the
// reasons a person can check, and the clusters that flagged pairs join.
//
// score = max(overall similarity, 1 − Π_c (1 − evidence_c)) over the channels c (code,
// terraform, config, prose, images). A text channel's evidence is its strongest figure above
// the noise innocent pairs reach, (x − noise) / (1 − noise), times the weight of that kind of
// figure (a cosine's also times min(1, shared features / the minimum)), or, if higher, the
// files the pair shares: each file's share of fingerprints the other side has times
// `file_weight` (times min(1, its fingerprints / min_file_fingerprints)), combined like the
// channels: fingerprint similarity and TF-IDF cosine `channel_weight`, literal values
// `literals_weight`, a Markdown section's coverage `section_weight`; the images channel's is
// its similarity times `images_weight`. One channel copied whole therefore scores
// `channel_weight` (muy_similar); several copied channels add up as independent evidence.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huella/similarity.h"

namespace huella {

// Bands from the lowest to the highest; `original` is no flag.
enum class Verdict : std::uint8_t { original, similar_parcial, muy_similar, copia };

constexpr std::string_view verdict_name(Verdict v) {
  constexpr std::array<std::string_view, 4> names = {"original", "similar_parcial", "muy_similar",
                                                     "copia"};
  return names[static_cast<std::size_t>(v)];
}

// The verdict a name gives (verdict_name's inverse); `original` for an unknown name.
Verdict verdict_from_name(std::string_view name);

// Lower bounds of the bands (the course policy): a score at a bound is in the higher band.
struct VerdictBands {
  double similar_parcial = 0.25;
  double muy_similar = 0.50;
  double copia = 0.80;
};

Verdict band_of(double score, const VerdictBands& bands);

// What innocent pairs reach in one text channel, per figure (1 = the figure is no evidence).
struct ChannelNoise {
  double similarity = 0;
  double cosine = 0;
  double literals = 1;
};

struct ScoreParams {
  // By channel index (code, terraform, config, prose): the highest value an innocent pair of
  // fixtures/cohort reaches (a cosine: on at least the minimum shared features below), rounded
  // up to the next 0.05; 0.10 for a cosine no innocent pair reaches with that much material.
  std::array<ChannelNoise, 4> noise = {ChannelNoise{0.15, 0.20, 0.15},
                                       ChannelNoise{0.35, 0.35, 0.10},
                                       ChannelNoise{0.05, 0.10, 0.10},
                                       ChannelNoise{0.05, 0.10, 1.00}};
  // A cosine resting on fewer shared features counts in proportion: a few n-grams or literals
  // left of two near-template files say nothing (innocent cosines of 1.0 rest on 1 to 7).
  std::uint32_t min_shared_ngrams = 20;
  std::uint32_t min_shared_literals = 10;
  double channel_weight = 0.6;
  double file_weight = 0.45;
  // A file copied whole counts in proportion to its fingerprints up to this many: a copied
  // stub of a few lines says little.
  std::uint32_t min_file_fingerprints = 15;
  double literals_weight = 0.5;
  double section_weight = 0.4;
  double images_weight = 0.4;
  double min_reason = 0.05;  // evidence below this is not worth a reason
};

// One fact behind a score, language-neutral; the report puts it in words.
struct Reason {
  enum class Kind : std::uint8_t {
    overall,       // value: share of all fingerprints
    fingerprints,  // channel; value: its fingerprint similarity; count: shared fingerprints
    cosine,        // channel; value: TF-IDF cosine of its n-grams; count: shared n-grams
    literals,      // channel; value: cosine of its literal values; count: shared values;
                   // noise: what innocent pairs reach
    section,       // subject: the section's title; side; value: its coverage by the other
    images,        // count: screenshots matched; value: the channel's similarity
    metadata,      // count: rare metadata values both sides' images carry; subject: the first
    fragment,      // count: tokens of the longest fragment; subject: its file in a
    file,          // channel; subject: the file of `side`; value: its share the other has;
                   // count: its fingerprints
    finding,       // subject: the finding's kind of one side (see report.h); value: its value
  };
  Kind kind;
  Channel channel = Channel::other;
  std::string subject{};
  char side = 0;  // 'a' or 'b' when the reason is one side's
  double value = 0;
  double noise = 0;
  std::uint32_t count = 0;
  double evidence = 0;  // its part in the score, for ordering
};

std::string_view reason_kind_name(Reason::Kind kind);

struct PairVerdict {
  double score = 0;
  Verdict verdict = Verdict::original;
  std::vector<Reason> reasons;  // strongest first
};

// `file_paths[s][f]`: the path of file f of submission s, to name files in reasons.
PairVerdict judge_pair(const PairResult& pair,
                       std::span<const std::vector<std::string>> file_paths,
                       const ScoreParams& params, const VerdictBands& bands);

// Orders pairs and their verdicts together: score, highest first, then the fingerprint ranking.
void rank_by_score(std::vector<PairResult>& pairs, std::vector<PairVerdict>& verdicts);

// Students joined by flagged pairs (verdict at least `lowest`), transitively.
struct Cluster {
  std::vector<std::uint32_t> members;  // submission indices, ascending
  std::vector<std::size_t> pairs;      // indices of the joining pairs, in ranking order
  Verdict verdict = Verdict::original;  // the strongest joining pair's
  double score = 0;
};

// Clusters of two or more members, strongest first (score, then size, then first member).
std::vector<Cluster> cluster_pairs(std::span<const PairResult> pairs,
                                   std::span<const PairVerdict> verdicts,
                                   Verdict lowest = Verdict::similar_parcial);

}  // namespace huella
