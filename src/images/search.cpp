// Multi-index hashing over the 256-bit hashes: candidate pairs without comparing every hash with
// every other (Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index hashing").
#include <algorithm>
#include <unordered_map>

#include "image_detail.h"

namespace huella {
namespace {

constexpr unsigned kParts = 16, kPartBits = 16;

std::uint16_t part(const PdqHash& h, unsigned p) {
  return static_cast<std::uint16_t>(h[p / 4] >> (kPartBits * (p % 4)));
}

// Calls f(v) for every 16-bit value within `radius` bits of `value`.
template <typename F>
void for_each_neighbour(std::uint16_t value, unsigned radius, unsigned from_bit, F&& f) {
  f(value);
  if (radius == 0) return;
  for (unsigned bit = from_bit; bit < kPartBits; ++bit)
    for_each_neighbour(static_cast<std::uint16_t>(value ^ (1u << bit)), radius - 1, bit + 1, f);
}

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> near_hash_pairs(std::span<const PdqHash> hashes,
                                                                     std::uint32_t radius) {
  // Two hashes within r bits differ by at most r / 16 bits in one of the 16 parts (pigeonhole).
  const unsigned part_radius = radius / kParts;
  std::vector<std::unordered_map<std::uint16_t, std::vector<std::uint32_t>>> buckets(kParts);
  for (std::uint32_t i = 0; i < hashes.size(); ++i)
    for (unsigned p = 0; p < kParts; ++p) buckets[p][part(hashes[i], p)].push_back(i);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::uint32_t i = 0; i < hashes.size(); ++i)
    for (unsigned p = 0; p < kParts; ++p)
      for_each_neighbour(part(hashes[i], p), part_radius, 0, [&](std::uint16_t probe) {
        const auto it = buckets[p].find(probe);
        if (it == buckets[p].end()) return;
        for (const auto j : it->second)
          if (j > i && hamming_distance(hashes[i], hashes[j]) <= radius) out.emplace_back(i, j);
      });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace huella
