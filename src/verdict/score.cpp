#include <algorithm>

#include "huella/verdict.h"

namespace huella {
namespace {

// The part of a figure above what innocent pairs reach, rescaled to [0, 1].
double above_noise(double value, double noise) {
  if (noise >= 1 || value <= noise) return 0;
  return (value - noise) / (1 - noise);
}

// A cosine resting on few shared features is worth that share of the minimum.
double material(std::uint32_t shared, std::uint32_t minimum) {
  return minimum == 0 ? 1.0 : std::min(1.0, static_cast<double>(shared) / minimum);
}

// The channel's strongest figure as a reason (its evidence set), or none below min_reason.
void add_channel_reason(const ChannelSimilarity& s, Channel channel, const ChannelNoise& noise,
                        const ScoreParams& params, std::vector<Reason>& reasons,
                        double& channel_evidence) {
  const std::array<Reason, 3> figures = {
      Reason{.kind = Reason::Kind::fingerprints, .channel = channel, .value = s.similarity,
             .noise = noise.similarity, .count = s.shared,
             .evidence = params.channel_weight * above_noise(s.similarity, noise.similarity)},
      Reason{.kind = Reason::Kind::cosine, .channel = channel, .value = s.cosine,
             .noise = noise.cosine,
             .count = s.cosine_shared,
             .evidence = params.channel_weight * above_noise(s.cosine, noise.cosine) *
                         material(s.cosine_shared, params.min_shared_ngrams)},
      Reason{.kind = Reason::Kind::literals, .channel = channel, .value = s.literals,
             .noise = noise.literals,
             .count = s.literals_shared,
             .evidence = params.literals_weight * above_noise(s.literals, noise.literals) *
                         material(s.literals_shared, params.min_shared_literals)}};
  const auto& best = *std::max_element(figures.begin(), figures.end(), [](const auto& x, const auto& y) {
    return x.evidence < y.evidence;
  });
  channel_evidence = best.evidence;
  if (best.evidence >= params.min_reason) reasons.push_back(best);
}

// Files of one side that the other shares for the most part: together, as independent
// evidence, they may say more than their channel's figures. Both sides hold the same copied
// files, so per channel the side whose files say more counts, and only its files are reasons.
void add_file_reasons(const PairResult& pair, std::span<const std::vector<std::string>> file_paths,
                      const ScoreParams& params, std::vector<Reason>& reasons,
                      std::array<double, kChannelCount>& evidence) {
  const auto file_evidence = [&](const FileContainment& f) {
    return params.file_weight * f.coverage * material(f.fingerprints, params.min_file_fingerprints);
  };
  std::array<std::array<double, kChannelCount>, 2> unexplained;  // by side, then channel
  for (auto& side : unexplained) side.fill(1.0);
  for (const auto& f : pair.contained_files)
    unexplained[f.in_b][channel_index(f.channel)] *= 1 - file_evidence(f);
  std::array<bool, kChannelCount> side_b{};
  for (std::size_t c = 0; c < kChannelCount; ++c) {
    side_b[c] = unexplained[1][c] < unexplained[0][c];
    evidence[c] = std::max(evidence[c], 1 - unexplained[side_b[c]][c]);
  }
  for (const auto& f : pair.contained_files) {
    const double e = file_evidence(f);
    if (f.in_b != side_b[channel_index(f.channel)] || e < params.min_reason) continue;
    reasons.push_back({.kind = Reason::Kind::file, .channel = f.channel,
                       .subject = file_paths[f.in_b ? pair.b : pair.a][f.file],
                       .side = f.in_b ? 'b' : 'a', .value = f.coverage, .count = f.fingerprints,
                       .evidence = e});
  }
}

}  // namespace

std::string_view reason_kind_name(Reason::Kind kind) {
  constexpr std::array<std::string_view, 10> names = {
      "overall", "fingerprints", "cosine",   "literals", "section",
      "images",  "metadata",     "fragment", "file",     "finding"};
  return names[static_cast<std::size_t>(kind)];
}

PairVerdict judge_pair(const PairResult& pair,
                       std::span<const std::vector<std::string>> file_paths,
                       const ScoreParams& params, const VerdictBands& bands) {
  PairVerdict out;
  std::array<double, kChannelCount> evidence{};
  for (std::size_t i = 0; i < kTextChannels.size(); ++i) {
    const Channel c = kTextChannels[i];
    add_channel_reason(pair.channels[channel_index(c)], c, params.noise[i], params, out.reasons,
                       evidence[channel_index(c)]);
  }
  add_file_reasons(pair, file_paths, params, out.reasons, evidence);
  for (const auto& s : pair.sections) {
    const double e = params.section_weight * s.coverage;
    auto& prose = evidence[channel_index(Channel::prose)];
    prose = std::max(prose, e);
    if (e >= params.min_reason)
      out.reasons.push_back({.kind = Reason::Kind::section, .channel = Channel::prose,
                             .subject = s.title, .side = s.in_b ? 'b' : 'a', .value = s.coverage,
                             .evidence = e});
  }
  const auto& images = pair.channels[channel_index(Channel::images)];
  evidence[channel_index(Channel::images)] = params.images_weight * images.similarity;
  if (images.shared > 0)
    out.reasons.push_back({.kind = Reason::Kind::images, .channel = Channel::images,
                           .value = images.similarity, .count = images.shared,
                           .evidence = evidence[channel_index(Channel::images)]});
  if (!pair.image_metadata.empty()) {
    const auto& m = pair.image_metadata.front();
    out.reasons.push_back({.kind = Reason::Kind::metadata, .channel = Channel::images,
                           .subject = m.key + " = " + m.value,
                           .count = static_cast<std::uint32_t>(pair.image_metadata.size())});
  }

  double unexplained = 1;
  for (const double e : evidence) unexplained *= 1 - std::clamp(e, 0.0, 1.0);
  const double overall = pair.overall.similarity;
  out.score = std::clamp(std::max(overall, 1 - unexplained), 0.0, 1.0);
  out.verdict = band_of(out.score, bands);
  if (overall >= params.min_reason)
    out.reasons.push_back({.kind = Reason::Kind::overall, .value = overall, .evidence = overall});
  std::stable_sort(out.reasons.begin(), out.reasons.end(),
                   [](const Reason& x, const Reason& y) { return x.evidence > y.evidence; });

  if (pair.fragments_computed && !pair.fragments.empty()) {
    const auto& f = pair.fragments.front();
    out.reasons.push_back({.kind = Reason::Kind::fragment, .channel = f.channel,
                           .subject = file_paths[pair.a][f.a_file], .count = f.tokens});
  }
  return out;
}

void rank_by_score(std::vector<PairResult>& pairs, std::vector<PairVerdict>& verdicts) {
  std::vector<std::size_t> order(pairs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (verdicts[x].score != verdicts[y].score) return verdicts[x].score > verdicts[y].score;
    return ranks_before(pairs[x], pairs[y]);
  });
  std::vector<PairResult> ranked_pairs;
  std::vector<PairVerdict> ranked_verdicts;
  ranked_pairs.reserve(pairs.size());
  ranked_verdicts.reserve(pairs.size());
  for (const std::size_t i : order) {
    ranked_pairs.push_back(std::move(pairs[i]));
    ranked_verdicts.push_back(std::move(verdicts[i]));
  }
  pairs = std::move(ranked_pairs);
  verdicts = std::move(ranked_verdicts);
}

}  // namespace huella
