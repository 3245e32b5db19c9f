// Radix sort for hash-keyed records: hashes have no order worth a comparison sort, and sorting
// them by digits touches each record twice per pass instead of log n times.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace huella {

// Sorts `items` by the low `key_bits` bits of key(item), stably (equal keys keep their order),
// in passes of `kDigitBits` bits. `buffer` is scratch space, reused between calls.
template <typename T, typename Key>
void radix_sort(std::vector<T>& items, std::vector<T>& buffer, Key key, unsigned key_bits) {
  constexpr unsigned kDigitBits = 11;  // 2,048 counters: 8 KB, in L1 with room for the data
  constexpr std::uint32_t kMask = (1u << kDigitBits) - 1;
  // Clearing and summing the counters costs more than a comparison sort of a few hundred items.
  constexpr std::size_t kFewItems = 512;
  if (items.size() < kFewItems) {
    const std::uint64_t bits = key_bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << key_bits) - 1;
    std::stable_sort(items.begin(), items.end(),
                     [&](const T& x, const T& y) { return (key(x) & bits) < (key(y) & bits); });
    return;
  }
  buffer.resize(items.size());
  for (unsigned shift = 0; shift < key_bits; shift += kDigitBits) {
    const std::uint32_t mask = key_bits - shift < kDigitBits ? (1u << (key_bits - shift)) - 1 : kMask;
    const auto digit = [&](const T& item) { return static_cast<std::size_t>((key(item) >> shift) & mask); };
    std::array<std::size_t, kMask + 1> start{};
    for (const auto& item : items) ++start[digit(item)];
    std::size_t sum = 0;
    for (auto& s : start) sum += std::exchange(s, sum);
    for (auto& item : items) buffer[start[digit(item)]++] = std::move(item);
    items.swap(buffer);
  }
}

}  // namespace huella
