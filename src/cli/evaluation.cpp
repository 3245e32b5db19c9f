#include "huella/evaluation.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace huella {

SubmissionPair ordered_pair(const std::string& a, const std::string& b) {
  return a < b ? SubmissionPair{a, b} : SubmissionPair{b, a};
}

bool CohortLabels::innocent(const SubmissionPair& pair) const {
  if (planted.contains(pair)) return false;
  const auto a = group.find(pair.first), b = group.find(pair.second);
  return a == group.end() || b == group.end() || a->second != b->second;
}

CohortLabels CohortLabels::load(const std::filesystem::path& labels_json) {
  std::ifstream in(labels_json);
  if (!in) throw std::runtime_error(labels_json.string() + ": cannot read labels");
  const auto json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.contains("planted"))
    throw std::runtime_error(labels_json.string() + ": not a labels file");
  CohortLabels labels;
  const auto root = [&](std::string id) {
    while (labels.group.at(id) != id) id = labels.group.at(id);
    return id;
  };
  for (const auto& p : json.at("planted")) {
    const auto key = ordered_pair(p.at("a"), p.at("b"));
    auto& channels = labels.planted[key];
    for (const auto& c : p.at("channels")) channels.insert(c.get<std::string>());
    for (const auto& level : p.at("levels")) {
      labels.levels[key].insert(level.get<std::string>());
      if (level == "AI") labels.rewritten.insert(key);
    }
    labels.group.try_emplace(key.first, key.first);
    labels.group.try_emplace(key.second, key.second);
    labels.group[root(key.first)] = root(key.second);  // union of the two copy groups
  }
  for (auto& [id, parent] : labels.group) parent = root(id);
  return labels;
}

double Separation::worst_margin() const {
  double worst = 1;
  for (const auto& [name, c] : channels)
    if (c.planted > 0) worst = std::min(worst, c.margin());
  return worst;
}

Separation measure_separation(const CohortResult& result, const CohortLabels& labels,
                              Measure measure) {
  const auto score_of = [measure](const ChannelSimilarity& s) {
    return measure == Measure::cosine ? s.cosine : measure == Measure::literals ? s.literals : s.similarity;
  };
  Separation out;
  std::map<SubmissionPair, const PairResult*> listed;
  for (const auto& p : result.pairs)
    listed[ordered_pair(result.submissions[p.a].id, result.submissions[p.b].id)] = &p;

  for (const auto& [key, p] : listed)
    if (labels.innocent(key) && p->overall.similarity > out.highest_innocent_overall) {
      out.highest_innocent_overall = p->overall.similarity;
      out.highest_innocent_overall_pair = key;
    }
  for (const auto& key : labels.rewritten) {
    double best = 0;
    if (const auto it = listed.find(key); it != listed.end())
      for (const Channel c : kTextChannels)
        if (labels.planted.at(key).contains(std::string(channel_name(c))))
          best = std::max(best, score_of(it->second->channels[channel_index(c)]));
    out.rewrites[key] = best;
  }

  for (const Channel c : kTextChannels) {
    const std::string name(channel_name(c));
    ChannelSeparation sep;
    std::vector<double> positives, negatives;
    for (const auto& [key, channels] : labels.planted) {
      if (!channels.contains(name) || labels.rewritten.contains(key)) continue;
      const auto it = listed.find(key);
      const double score = it == listed.end() ? 0 : score_of(it->second->channels[channel_index(c)]);
      positives.push_back(score);
      if (score <= sep.lowest_planted) {
        sep.lowest_planted = score;
        sep.lowest_planted_pair = key;
      }
    }
    for (const auto& [key, p] : listed) {
      if (!labels.innocent(key)) continue;
      const double score = score_of(p->channels[channel_index(c)]);
      negatives.push_back(score);
      if (score > sep.highest_innocent) {
        sep.highest_innocent = score;
        sep.highest_innocent_pair = key;
      }
    }
    sep.planted = positives.size();
    if (!positives.empty() && !negatives.empty()) {
      double wins = 0;
      for (const double p : positives)
        for (const double n : negatives) wins += p > n ? 1.0 : p == n ? 0.5 : 0.0;
      // Innocent pairs never listed score 0 and could only raise it: they are left out.
      sep.auc = wins / (static_cast<double>(positives.size()) * negatives.size());
    }
    out.channels[name] = sep;
  }
  return out;
}

}  // namespace huella
