// Channels: the kinds of material compared separately (code, Terraform, config, prose, images).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace huella {

enum class Channel : std::uint8_t { code, terraform, config, prose, images, other };

// Channels whose content is tokenized and fingerprinted, in report order.
inline constexpr std::array<Channel, 4> kTextChannels = {Channel::code, Channel::terraform,
                                                         Channel::config, Channel::prose};
inline constexpr std::size_t kChannelCount = 6;

constexpr std::string_view channel_name(Channel c) {
  constexpr std::array<std::string_view, kChannelCount> names = {"code",  "terraform", "config",
                                                                 "prose", "images",    "other"};
  return names[static_cast<std::size_t>(c)];
}

constexpr std::size_t channel_index(Channel c) { return static_cast<std::size_t>(c); }

}  // namespace huella
