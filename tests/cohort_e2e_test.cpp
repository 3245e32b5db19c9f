// End to end on fixtures/cohort: the planted copies of labels.json against every innocent pair.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>

#include "huella/pipeline.h"

using namespace huella;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(HUELLA_SOURCE_DIR) / "fixtures";

struct Labels {
  // Planted pairs as (a, b) with a < b, and the channels each one copies.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> planted;
  // Planted pairs whose copy is an assistant's rewrite (level "AI").
  std::set<std::pair<std::string, std::string>> rewritten;
  // Copy group of each submission that took part in a copy: two copiers of one source are
  // related through it, so their pair is neither planted nor innocent.
  std::map<std::string, std::string> group;

  bool innocent(const std::pair<std::string, std::string>& pair) const {
    const auto a = group.find(pair.first), b = group.find(pair.second);
    return a == group.end() || b == group.end() || a->second != b->second;
  }
};

std::pair<std::string, std::string> ordered(std::string a, std::string b) {
  return a < b ? std::pair{a, b} : std::pair{b, a};
}

Labels load_labels() {
  std::ifstream in(kFixtures / "cohort" / "labels.json");
  const auto json = nlohmann::json::parse(in);
  Labels labels;
  const auto root = [&](std::string id) {
    while (labels.group.contains(id) && labels.group[id] != id) id = labels.group[id];
    return id;
  };
  for (const auto& p : json.at("planted")) {
    const auto key = ordered(p.at("a"), p.at("b"));
    auto& channels = labels.planted[key];
    for (const auto& c : p.at("channels")) channels.insert(c.get<std::string>());
    for (const auto& level : p.at("levels"))
      if (level == "AI") labels.rewritten.insert(key);
    for (const auto& id : {key.first, key.second}) labels.group.try_emplace(id, id);
    labels.group[root(key.first)] = root(key.second);
  }
  for (auto& [id, parent] : labels.group) parent = root(id);
  return labels;
}

const CohortResult& cohort_result() {
  static const CohortResult result = [] {
    PipelineOptions options;
    options.base = {kFixtures / "base"};
    options.fragment_pairs = 0;
    auto cohort = discover_cohort(kFixtures / "cohort", DiscoveryOptions{});
    return analyze(std::move(cohort.submissions), options);
  }();
  return result;
}

double channel_score(const PairResult& p, std::string_view channel) {
  for (const Channel c : kTextChannels)
    if (channel_name(c) == channel) return p.channels[channel_index(c)].similarity;
  return 0;
}

std::pair<std::string, std::string> ids(const CohortResult& r, const PairResult& p) {
  return ordered(r.submissions[p.a].id, r.submissions[p.b].id);
}

}  // namespace

TEST_CASE("cohort: the fixture cohort has at least 20 honest submissions and 12 planted copies") {
  const auto labels = load_labels();
  CHECK(labels.planted.size() >= 12);
  std::set<std::string> copiers, all;
  for (const auto& s : cohort_result().submissions) all.insert(s.id);
  for (const auto& [pair, channels] : labels.planted) {
    CHECK(all.contains(pair.first));
    CHECK(all.contains(pair.second));
  }
  CHECK(all.size() >= 32);
}

TEST_CASE("cohort: every planted pair ranks above every innocent pair in its channel") {
  const auto labels = load_labels();
  const auto& result = cohort_result();
  for (const Channel c : kTextChannels) {
    const std::string channel(channel_name(c));
    double lowest_planted = 1.0, highest_innocent = 0.0;
    std::string lowest_name, highest_name;
    bool any_planted = false;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& p : result.pairs) {
      const auto key = ids(result, p);
      seen.insert(key);
      const double score = channel_score(p, channel);
      const auto label = labels.planted.find(key);
      if (label == labels.planted.end() && labels.innocent(key)) {
        if (score > highest_innocent) {
          highest_innocent = score;
          highest_name = key.first + " ~ " + key.second;
        }
      } else if (label != labels.planted.end() && !labels.rewritten.contains(key) &&
                 label->second.contains(channel)) {
        any_planted = true;
        if (score < lowest_planted) {
          lowest_planted = score;
          lowest_name = key.first + " ~ " + key.second;
        }
      }
    }
    for (const auto& [pair, channels] : labels.planted)
      if (channels.contains(channel) && !labels.rewritten.contains(pair) && !seen.contains(pair)) {
        any_planted = true;
        lowest_planted = 0;
        lowest_name = pair.first + " ~ " + pair.second + " (not found)";
      }
    if (!any_planted) continue;
    INFO("channel " << channel << ": lowest planted " << lowest_name << " = " << lowest_planted
                    << ", highest innocent " << highest_name << " = " << highest_innocent);
    CHECK(lowest_planted > highest_innocent);
  }
}

TEST_CASE("cohort: innocent pairs sharing only the template and boilerplate stay under 0.25") {
  const auto labels = load_labels();
  const auto& result = cohort_result();
  for (const auto& p : result.pairs) {
    const auto key = ids(result, p);
    if (!labels.innocent(key)) continue;
    INFO(key.first << " ~ " << key.second);
    CHECK(p.overall.similarity < 0.25);
  }
}

TEST_CASE("cohort: every planted pair is flagged at 0.25 or more in a channel it copies") {
  const auto labels = load_labels();
  const auto& result = cohort_result();
  for (const auto& [pair, channels] : labels.planted) {
    if (labels.rewritten.contains(pair)) continue;
    double best = 0;
    for (const auto& p : result.pairs)
      if (ids(result, p) == pair)
        for (const auto& c : channels) best = std::max(best, channel_score(p, c));
    INFO(pair.first << " ~ " << pair.second);
    CHECK(best >= 0.25);
  }
}
