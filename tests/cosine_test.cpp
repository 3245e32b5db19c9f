#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <random>

#include "huella/cosine.h"

using namespace huella;

namespace {

using Bag = std::vector<FeatureCount>;

const IndexParams kNoCut{1.0, 1000, 1000};

// The definition, dense: sublinear tf × idf over the features within the cut, L2-normalized.
double reference_cosine(const std::vector<Bag>& bags, std::size_t a, std::size_t b, const IndexParams& cut) {
  std::map<std::uint32_t, std::uint32_t> df;
  std::uint32_t with_features = 0;
  for (const auto& bag : bags) {
    with_features += !bag.empty();
    for (const auto& [feature, count] : bag) ++df[feature];
  }
  const auto weights = [&](const Bag& bag) {
    std::map<std::uint32_t, double> w;
    for (const auto& [feature, count] : bag)
      if (df[feature] <= cut.frequency_cut(with_features))
        w[feature] = (1 + std::log(double(count))) * std::log(double(with_features + 1) / df[feature]);
    return w;
  };
  const auto wa = weights(bags[a]), wb = weights(bags[b]);
  double dot = 0, na = 0, nb = 0;
  for (const auto& [f, w] : wa) {
    na += w * w;
    if (const auto it = wb.find(f); it != wb.end()) dot += w * it->second;
  }
  for (const auto& [f, w] : wb) nb += w * w;
  return na == 0 || nb == 0 ? 0 : dot / std::sqrt(na * nb);
}

}  // namespace

TEST_CASE("cosine: identical bags score 1, bags sharing nothing are not listed") {
  const std::vector<Bag> bags = {{{1, 2}, {5, 1}, {9, 3}}, {{1, 2}, {5, 1}, {9, 3}}, {{2, 1}, {7, 4}}, {{3, 1}}};
  const auto pairs = cosine_pairs(bags, kNoCut, CosineParams{});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].a == 0);
  CHECK(pairs[0].b == 1);
  CHECK(pairs[0].cosine == doctest::Approx(1.0));
  CHECK(pairs[0].shared == 3);
}

TEST_CASE("cosine: features above the frequency cut count nowhere, not even in the norms") {
  // Feature 1 is in every bag: boilerplate. Without it, 0 and 1 share all they have.
  const std::vector<Bag> bags = {{{1, 5}, {10, 1}}, {{1, 1}, {10, 1}}, {{1, 1}, {20, 1}}, {{1, 1}, {30, 1}},
                                 {{1, 1}, {40, 1}}, {{1, 1}, {50, 1}}};
  const auto pairs = cosine_pairs(bags, IndexParams{0.2, 5, 100}, CosineParams{});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].cosine == doctest::Approx(1.0));
  CHECK(pairs[0].shared == 1);
}

TEST_CASE("cosine: the sparse product gives the dense definition's value for every pair, on every run") {
  // Ids spread over the whole 32-bit space, so that every slice of the feature space has work.
  std::mt19937 random(7);
  std::vector<Bag> bags(60);
  for (auto& bag : bags) {
    std::map<std::uint32_t, std::uint32_t> counts;
    for (int i = 0; i < 80; ++i) counts[(random() % 300) * 14'316'557u] += 1 + random() % 3;
    bag.assign(counts.begin(), counts.end());
  }
  const IndexParams cut{0.5, 5, 100};
  const CosineParams no_floor{0.0};
  const auto pairs = cosine_pairs(bags, cut, no_floor);
  CHECK(pairs.size() == 60 * 59 / 2);
  for (const auto& p : pairs) CHECK(p.cosine == doctest::Approx(reference_cosine(bags, p.a, p.b, cut)).epsilon(1e-5));
  const auto again = cosine_pairs(bags, cut, no_floor);
  REQUIRE(again.size() == pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) CHECK(again[i].cosine == pairs[i].cosine);
}

TEST_CASE("cosine: pairs under min_cosine are left out, pairs are sorted by (a, b)") {
  const std::vector<Bag> bags = {{{1, 1}, {2, 1}, {3, 1}, {4, 1}}, {{1, 1}, {20, 1}, {30, 1}, {40, 1}},
                                 {{1, 1}, {2, 1}, {3, 1}, {4, 1}}};
  const auto all = cosine_pairs(bags, kNoCut, CosineParams{0.0});
  REQUIRE(all.size() == 3);
  CHECK(std::is_sorted(all.begin(), all.end(),
                       [](const PairCosine& x, const PairCosine& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); }));
  const auto high = cosine_pairs(bags, kNoCut, CosineParams{0.5});
  REQUIRE(high.size() == 1);
  CHECK(high[0].a == 0);
  CHECK(high[0].b == 2);
}
