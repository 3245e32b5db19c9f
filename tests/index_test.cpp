#include <doctest/doctest.h>

#include <algorithm>
#include <mutex>
#include <set>

#include "huella/index.h"
#include "huella/similarity.h"

using namespace huella;

namespace {

// Fingerprints with the given hashes at consecutive positions, one per line.
std::vector<Fingerprint> prints(const std::vector<std::uint64_t>& hashes, Channel c = Channel::code,
                                std::uint32_t first_line = 1) {
  std::vector<Fingerprint> out;
  for (std::uint32_t i = 0; i < hashes.size(); ++i)
    out.push_back({hashes[i], i, first_line + i, first_line + i + 2, c});
  return out;
}

// Every candidate the index streams, sorted by (a, b).
std::vector<CandidatePair> candidates(const CohortIndex& index) {
  std::mutex lock;
  std::vector<CandidatePair> out;
  index.for_each_candidate([&](const CandidatePair& c) {
    std::lock_guard guard(lock);
    out.push_back(c);
  });
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
  return out;
}

const PairFloor kNoFloor{0, 2, 0};

}  // namespace

TEST_CASE("index: pairs come only from shared fingerprints") {
  const auto a = prints({1, 2, 3, 4});
  const auto b = prints({3, 4, 5, 6});
  const auto c = prints({7, 8, 9});
  const std::vector<IndexedFile> files = {{0, a}, {1, b}, {2, c}};
  const CohortIndex index(files, 3, IndexParams{});
  const auto pairs = candidates(index);
  REQUIRE(pairs.size() == 1);
  const auto& pair = pairs[0];
  CHECK(pair.a == 0);
  CHECK(pair.b == 1);
  CHECK(pair.shared[channel_index(Channel::code)] == 2);
}

TEST_CASE("index: fingerprints are counted once per submission, however often they occur") {
  const auto a1 = prints({1, 1, 2});
  const auto a2 = prints({2, 3});
  const auto b = prints({1, 2});
  const std::vector<IndexedFile> files = {{0, a1}, {0, a2}, {1, b}};
  const CohortIndex index(files, 2, IndexParams{});
  CHECK(index.distinct(0, Channel::code) == 3);
  CHECK(candidates(index)[0].shared[channel_index(Channel::code)] == 2);
}

TEST_CASE("index: fingerprints in more than the frequency cut's submissions are dropped") {
  std::vector<std::vector<Fingerprint>> storage;
  for (std::uint64_t s = 0; s < 10; ++s) storage.push_back(prints({42, 100 + s}));
  storage[0].push_back({7, 9, 9, 9, Channel::code});
  storage[1].push_back({7, 9, 9, 9, Channel::code});
  std::vector<IndexedFile> files;
  for (std::uint32_t s = 0; s < 10; ++s) files.push_back({s, storage[s]});
  const CohortIndex index(files, 10, IndexParams{0.3, 2});  // cut: 3 submissions
  CHECK(index.frequency_cut() == 3);
  CHECK_FALSE(index.counts(42));
  CHECK(index.frequent_count() == 1);
  REQUIRE(candidates(index).size() == 1);  // only the pair sharing hash 7 is left
  CHECK(index.distinct(0, Channel::code) == 2);
}

TEST_CASE("index: channels are counted separately") {
  const auto a = prints({1, 2}, Channel::terraform);
  const auto b = prints({1, 2}, Channel::terraform);
  const std::vector<IndexedFile> files = {{0, a}, {1, b}};
  const CohortIndex index(files, 2, IndexParams{});
  const auto pair = candidates(index)[0];
  CHECK(pair.shared[channel_index(Channel::terraform)] == 2);
  CHECK(pair.shared[channel_index(Channel::code)] == 0);
}

TEST_CASE("fragments: a run of consecutive shared fingerprints is one fragment with line ranges") {
  const auto a = prints({50, 1, 2, 3, 4, 60}, Channel::code, 10);
  const auto b = prints({70, 71, 1, 2, 3, 4}, Channel::code, 100);
  const std::vector<IndexedFile> files = {{0, a}, {1, b}};
  const CohortIndex index(files, 2, IndexParams{});
  const std::vector<std::span<const Fingerprint>> fa = {a}, fb = {b};
  const auto fragments = match_fragments(fa, fb, index, 5);
  REQUIRE(fragments.size() == 1);
  const auto& f = fragments[0];
  CHECK(f.a_first_line == 11);
  CHECK(f.a_last_line == 16);  // last fingerprint starts on line 14 and ends two lines later
  CHECK(f.b_first_line == 102);
  CHECK(f.b_last_line == 107);
  CHECK(f.tokens == 3 + 5);  // fingerprints start at tokens 1..4; the last covers k tokens
}

TEST_CASE("fragments: reordered blocks give one fragment each, longest first") {
  const auto a = prints({1, 2, 3, 9, 8});
  const auto b = prints({9, 8, 1, 2, 3});
  const std::vector<IndexedFile> files = {{0, a}, {1, b}};
  const CohortIndex index(files, 2, IndexParams{});
  const std::vector<std::span<const Fingerprint>> fa = {a}, fb = {b};
  const auto fragments = match_fragments(fa, fb, index, 1);
  REQUIRE(fragments.size() == 2);
  CHECK(fragments[0].tokens == 3);
  CHECK(fragments[1].tokens == 2);
}

TEST_CASE("fragments: fingerprints dropped as too frequent are not matched") {
  std::vector<std::vector<Fingerprint>> storage(4, prints({1, 2, 3}));
  std::vector<IndexedFile> files;
  for (std::uint32_t s = 0; s < 4; ++s) files.push_back({s, storage[s]});
  const CohortIndex index(files, 4, IndexParams{0.5, 1});
  const std::vector<std::span<const Fingerprint>> fa = {storage[0]}, fb = {storage[1]};
  CHECK(match_fragments(fa, fb, index, 5).empty());
}

TEST_CASE("similarity: Dice coefficient and coverage of each side") {
  const auto s = channel_similarity(30, 40, 80);
  CHECK(s.similarity == doctest::Approx(0.5));
  CHECK(s.coverage_a == doctest::Approx(0.75));
  CHECK(s.coverage_b == doctest::Approx(0.375));
  CHECK(channel_similarity(0, 0, 0).similarity == 0);
}

TEST_CASE("similarity: overall counts every text channel together, pairs rank by it") {
  const auto a = prints({1, 2, 3, 4});
  const auto b = prints({1, 2, 3, 4});
  const auto c = prints({1, 2, 30, 40});
  const auto t = prints({5, 6}, Channel::terraform);
  const std::vector<IndexedFile> files = {{0, a}, {1, b}, {2, c}, {2, t}};
  const CohortIndex index(files, 3, IndexParams{});
  const auto pairs = score_pairs(index, kNoFloor);
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[0].a == 0);
  CHECK(pairs[0].b == 1);
  CHECK(pairs[0].overall.similarity == doctest::Approx(1.0));
  const auto& ac = pairs[1];
  CHECK(ac.overall.similarity == doctest::Approx(2.0 * 2 / (4 + 6)));
  CHECK(ac.channels[channel_index(Channel::code)].similarity == doctest::Approx(0.5));
}

TEST_CASE("similarity: pairs under the floor are chance overlap and are not kept") {
  const auto a = prints({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  const auto b = prints({1, 20, 30, 40, 50, 60, 70, 80, 90, 100});  // one shared: 0.1
  const auto c = prints({1, 2, 3, 4, 5, 61, 71, 81, 91, 101});   // five shared: 0.5
  const std::vector<IndexedFile> files = {{0, a}, {1, b}, {2, c}};
  const CohortIndex index(files, 3, IndexParams{});
  CHECK(score_pairs(index, kNoFloor).size() == 3);
  const auto kept = score_pairs(index, PairFloor{0.3, 2, 0});
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].a == 0);
  CHECK(kept[0].b == 2);
  // A channel copied whole keeps the pair even when the rest dilutes the overall figure.
  CHECK(score_pairs(index, PairFloor{0.9, 0.45, 5}).size() == 1);
}

TEST_CASE("similarity: a pair sharing no fingerprint is listed for a cosine resting on enough features") {
  const auto code = channel_index(Channel::code);
  std::vector<PairResult> pairs(1);
  pairs[0].a = 0;
  pairs[0].b = 1;
  const std::vector<PairCosine> cosines = {{0, 1, 0.2f, 30}, {0, 2, 0.9f, 6}, {1, 2, 0.5f, 8}};
  attach_cosines(pairs, Channel::code, kNgramCosine, cosines, CosineListing{0.3, 8});
  REQUIRE(pairs.size() == 2);  // 0~2 is high on 6 n-grams: a corner of the cohort, not a copy
  CHECK(pairs[0].channels[code].cosine == doctest::Approx(0.2));  // already listed: value set
  CHECK(pairs[0].channels[code].cosine_shared == 30);
  CHECK(pairs[1].a == 1);
  CHECK(pairs[1].b == 2);
  CHECK(pairs[1].channels[code].cosine_shared == 8);
}

TEST_CASE("index: candidates stream the same counts as a brute-force comparison") {
  std::vector<std::vector<Fingerprint>> storage;
  for (std::uint64_t s = 0; s < 40; ++s) {
    std::vector<std::uint64_t> hashes;
    for (std::uint64_t i = 0; i < 30; ++i) hashes.push_back((s * 7 + i * 13) % 97);
    storage.push_back(prints(hashes));
  }
  std::vector<IndexedFile> files;
  for (std::uint32_t s = 0; s < storage.size(); ++s) files.push_back({s, storage[s]});
  const CohortIndex index(files, 40, IndexParams{1.0, 1000});
  const auto streamed = candidates(index);
  std::size_t expected_pairs = 0;
  for (std::uint32_t x = 0; x < 40; ++x)
    for (std::uint32_t y = x + 1; y < 40; ++y) {
      std::set<std::uint64_t> hx, hy, both;
      for (const auto& f : storage[x]) hx.insert(f.hash);
      for (const auto& f : storage[y]) hy.insert(f.hash);
      std::set_intersection(hx.begin(), hx.end(), hy.begin(), hy.end(), std::inserter(both, both.end()));
      if (both.empty()) continue;
      ++expected_pairs;
      const auto it = std::find_if(streamed.begin(), streamed.end(), [&](const auto& c) { return c.a == x && c.b == y; });
      REQUIRE(it != streamed.end());
      CHECK(it->shared[channel_index(Channel::code)] == both.size());
    }
  CHECK(streamed.size() == expected_pairs);
}

TEST_CASE("index: outside sources pair with the cohort, never with each other") {
  const auto shared = prints({1, 2, 3});
  // 0 and 1: the cohort; 2 and 3: a reference and an archived submission, all sharing everything.
  const std::vector<IndexedFile> files = {{0, shared}, {1, shared}, {2, shared}, {3, shared}};
  const CohortIndex index(files, 4, IndexParams{}, 2);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (const auto& c : candidates(index)) pairs.emplace_back(c.a, c.b);
  CHECK(pairs == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}});
}

TEST_CASE("index: building costs 16 bytes per fingerprint, keeping it at most 8 plus the groups") {
  // 200 submissions of 500 fingerprints, each fingerprint shared with the next submission.
  std::vector<std::vector<Fingerprint>> held(200);
  std::vector<IndexedFile> files;
  for (std::uint32_t s = 0; s < held.size(); ++s) {
    std::vector<std::uint64_t> hashes;
    for (std::uint64_t i = 0; i < 500; ++i) hashes.push_back((s / 2) * 1000 + i + 1);
    held[s] = prints(hashes);
    files.push_back({s, held[s]});
  }
  const CohortIndex index(files, 200, IndexParams{});
  const auto footprint = index.footprint();
  CHECK(footprint.fingerprints == 100'000);
  CHECK(footprint.build_bytes == 16 * footprint.fingerprints);
  // Each shared fingerprint: two members and two back-references (16 bytes for 2 fingerprints),
  // plus its group's start and channel (5 bytes).
  CHECK(footprint.held_bytes <= 16 * footprint.fingerprints);
  CHECK(footprint.held_bytes >= 8 * footprint.fingerprints);
}
