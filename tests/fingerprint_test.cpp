#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "huella/fingerprint.h"

using namespace huella;

namespace {

// A token stream with the given symbols, one token per line.
TokenizedFile stream(const std::vector<std::uint64_t>& symbols, Channel channel = Channel::code) {
  TokenizedFile f;
  for (std::uint32_t i = 0; i < symbols.size(); ++i) f.tokens.push_back({symbols[i], i * 2, i + 1});
  f.segments.push_back({channel, 0, static_cast<std::uint32_t>(symbols.size())});
  return f;
}

std::vector<std::uint64_t> random_symbols(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> out(n);
  for (auto& s : out) s = rng() % 50;  // a small alphabet, like real token streams
  return out;
}

std::set<std::uint64_t> hashes(const WinnowedFingerprints& w) {
  std::set<std::uint64_t> out;
  for (const auto& f : w.fingerprints) out.insert(f.hash);
  return out;
}

}  // namespace

TEST_CASE("fingerprint: any shared run of k + w - 1 tokens yields a shared fingerprint") {
  const FingerprintParams params{5, 4};
  for (unsigned seed = 0; seed < 50; ++seed) {
    const auto shared = random_symbols(params.k + params.window - 1, seed + 1000);
    auto a = random_symbols(40, seed);
    auto b = random_symbols(60, seed + 500);
    a.insert(a.begin() + 17, shared.begin(), shared.end());
    b.insert(b.begin() + 3, shared.begin(), shared.end());
    const auto ha = hashes(winnow(stream(a), params));
    const auto hb = hashes(winnow(stream(b), params));
    std::vector<std::uint64_t> common;
    std::set_intersection(ha.begin(), ha.end(), hb.begin(), hb.end(), std::back_inserter(common));
    CHECK_FALSE(common.empty());
  }
}

TEST_CASE("fingerprint: winnowing keeps about 2/(w+1) of the k-grams") {
  const FingerprintParams params{5, 8};
  const auto symbols = random_symbols(20000, 7);
  const auto kept = winnow(stream(symbols), params).fingerprints.size();
  const double density = static_cast<double>(kept) / (symbols.size() - params.k + 1);
  CHECK(density == doctest::Approx(2.0 / 9.0).epsilon(0.15));
}

TEST_CASE("fingerprint: each fingerprint knows its token span, lines and channel") {
  const FingerprintParams params{3, 2};
  const auto fps = winnow(stream({1, 2, 3, 4, 5, 6, 7}, Channel::terraform), params).fingerprints;
  REQUIRE_FALSE(fps.empty());
  for (const auto& f : fps) {
    CHECK(f.first_line == f.first_token + 1);
    CHECK(f.last_line == f.first_token + params.k);
    CHECK(f.channel == Channel::terraform);
  }
  for (std::size_t i = 1; i < fps.size(); ++i) CHECK(fps[i].first_token > fps[i - 1].first_token);
}

TEST_CASE("fingerprint: k-grams never cross a segment boundary") {
  TokenizedFile f = stream({1, 2, 3, 4, 5, 6});
  f.segments = {{Channel::prose, 0, 3}, {Channel::code, 3, 6}};
  const auto fps = winnow(f, FingerprintParams{3, 1}).fingerprints;  // one per segment, none across
  REQUIRE(fps.size() == 2);
  CHECK(fps[0].channel == Channel::prose);
  CHECK(fps[1].channel == Channel::code);
}

TEST_CASE("fingerprint: a segment shorter than one window still yields one fingerprint") {
  CHECK(winnow(stream({1, 2, 3, 4}), FingerprintParams{3, 10}).fingerprints.size() == 1);
  CHECK(winnow(stream({1, 2}), FingerprintParams{3, 10}).fingerprints.empty());
}

TEST_CASE("fingerprint: equal streams give equal fingerprints, one changed token changes few") {
  const FingerprintParams params{5, 4};
  auto a = random_symbols(500, 3);
  auto b = a;
  CHECK(hashes(winnow(stream(a), params)) == hashes(winnow(stream(b), params)));
  b[250] = 999;
  const auto ha = hashes(winnow(stream(a), params));
  const auto hb = hashes(winnow(stream(b), params));
  std::vector<std::uint64_t> common;
  std::set_intersection(ha.begin(), ha.end(), hb.begin(), hb.end(), std::back_inserter(common));
  CHECK(common.size() >= ha.size() - 4);
}

TEST_CASE("fingerprint: k-grams of the base material are removed and their tokens counted") {
  const FingerprintParams params{4, 1};
  const std::vector<std::uint64_t> template_text = {1, 2, 3, 4, 5, 6, 7, 8};
  BaseMaterial base;
  base.add(stream(template_text), params);
  const auto filled = winnow(stream({1, 2, 3, 4, 5, 6, 7, 8, 90, 91, 92, 93}), params, base);
  CHECK(filled.base_tokens == 8);
  for (const auto& f : filled.fingerprints) CHECK(f.first_token >= 6);  // half its tokens novel
  CHECK(winnow(stream(template_text), params, base).fingerprints.empty());
}

TEST_CASE("fingerprint: the same edit of the template in two files leaves nothing to match") {
  // Two students delete tokens 5-6 of the template: the k-grams across the cut are new, but
  // every one of their tokens is template text.
  const FingerprintParams params{4, 1};
  BaseMaterial base;
  base.add(stream({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), params);
  const auto edited = winnow(stream({1, 2, 3, 4, 7, 8, 9, 10}), params, base);
  CHECK(edited.fingerprints.empty());
  CHECK(edited.base_tokens == 8);
}
