#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "huella/radix_sort.h"

using namespace huella;

TEST_CASE("radix sort: sorts 32-bit keys as std::sort does, small and large inputs alike") {
  std::mt19937 random(3);
  std::vector<std::uint32_t> buffer;
  for (const std::size_t size : {0, 1, 2, 100, 511, 512, 5000, 70000}) {
    std::vector<std::uint32_t> keys(size);
    for (auto& k : keys) k = static_cast<std::uint32_t>(random());
    auto expected = keys;
    std::sort(expected.begin(), expected.end());
    radix_sort(keys, buffer, [](std::uint32_t k) { return k; }, 32);
    CHECK(keys == expected);
  }
}

TEST_CASE("radix sort: only the low key bits count, and equal keys keep their order") {
  struct Record {
    std::uint32_t key, order;
  };
  std::mt19937 random(5);
  std::vector<Record> buffer;
  for (const std::size_t size : {300, 9000}) {
    std::vector<Record> records(size);
    for (std::uint32_t i = 0; i < size; ++i) records[i] = {static_cast<std::uint32_t>(random()), i};
    radix_sort(records, buffer, [](const Record& r) { return r.key; }, 12);
    for (std::size_t i = 1; i < size; ++i) {
      const auto previous = records[i - 1].key & 0xfff, current = records[i].key & 0xfff;
      CHECK(previous <= current);
      if (previous == current) CHECK(records[i - 1].order < records[i].order);
    }
  }
}
