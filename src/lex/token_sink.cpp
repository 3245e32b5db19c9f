#include <xxhash.h>

#include <algorithm>
#include <cassert>
#include <limits>
#include <string>

#include "huella/ascii.h"
#include "huella/lex.h"

namespace huella {
namespace {

constexpr bool is_quote(char c) { return c == '"' || c == '\'' || c == '`'; }

// r, b, u and f in either case: what may stand before a string's quote.
constexpr bool is_string_prefix_letter(char c) {
  switch (c | 0x20) {
    case 'r':
    case 'b':
    case 'u':
    case 'f':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::uint64_t TokenSink::symbol_of(std::string_view form) {
  return XXH3_64bits(form.data(), form.size());
}

// Class symbols use a byte no lexer emits as a token, so they never equal a kept spelling.
const std::uint64_t TokenSink::kIdentifierSymbol = TokenSink::symbol_of("\x01identifier");
const std::uint64_t TokenSink::kNumberSymbol = TokenSink::symbol_of("\x01number");
const std::uint64_t TokenSink::kStringSymbol = TokenSink::symbol_of("\x01string");

TokenSink::TokenSink(std::string_view file_text, Channel channel, const LexLimits& limits)
    : limits_(limits),
      next_limit_check_(std::min<std::size_t>(limits.max_tokens, 4095)),
      channel_(channel),
      text_(file_text),
      lines_(file_text) {
  out_.tokens.reserve(file_text.size() / 5);  // about one token per five bytes of source
  out_.segments.push_back({channel, 0, 0});
}

void TokenSink::sort_items(std::span<const std::uint32_t> starts,
                           std::span<const std::uint64_t> keys) {
  if (starts.size() < 2 || starts.size() != keys.size()) return;
  if (std::is_sorted(keys.begin(), keys.end())) return;  // a stable sort would move nothing
  std::vector<std::uint32_t> order(starts.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return keys[x] < keys[y]; });
  const std::uint32_t end = emitted();
  const auto item_end = [&](std::uint32_t i) { return i + 1 < starts.size() ? starts[i + 1] : end; };
  std::vector<Token> sorted;
  std::vector<std::uint32_t> moved_to(end - starts.front());  // new index of each old token
  sorted.reserve(end - starts.front());
  for (const auto i : order)
    for (std::uint32_t t = starts[i]; t < item_end(i); ++t) {
      moved_to[t - starts.front()] = starts.front() + static_cast<std::uint32_t>(sorted.size());
      sorted.push_back(out_.tokens[t]);
    }
  std::copy(sorted.begin(), sorted.end(), out_.tokens.begin() + starts.front());

  constexpr auto kNoLiteral = std::numeric_limits<std::uint32_t>::max();
  literal_at_.resize(end, kNoLiteral);
  for (; literals_mapped_ < out_.literals.size(); ++literals_mapped_)
    literal_at_[out_.literals[literals_mapped_].token] = static_cast<std::uint32_t>(literals_mapped_);
  std::vector<std::uint32_t> literal_after(end - starts.front(), kNoLiteral);
  for (std::uint32_t t = starts.front(); t < end; ++t) {
    const std::uint32_t literal = literal_at_[t];
    if (literal == kNoLiteral) continue;
    out_.literals[literal].token = moved_to[t - starts.front()];
    literal_after[moved_to[t - starts.front()] - starts.front()] = literal;
  }
  std::copy(literal_after.begin(), literal_after.end(), literal_at_.begin() + starts.front());
}

void TokenSink::refuse(std::string reason) { throw LexRefusal{std::move(reason)}; }

void TokenSink::check_limits() {
  const auto emitted = out_.tokens.size();
  if (emitted >= limits_.max_tokens)
    refuse("too many tokens (limit " + std::to_string(limits_.max_tokens) + ")");
  // The clock is read every 4096 tokens: often enough for a deadline in seconds, cheap enough.
  if (emitted % 4096 == 4095 && std::chrono::steady_clock::now() > limits_.deadline)
    refuse("took too long to read (time limit per file)");
  next_limit_check_ = std::min<std::size_t>(limits_.max_tokens, (emitted + 1) | 4095);
}

void TokenSink::note_literal(std::string_view at) {
  // The content without prefixes (f, r, b, u) and quotes, so "x", 'x' and f"x" are one value.
  std::size_t first = 0;
  while (first < at.size() && first < 3 && is_string_prefix_letter(at[first])) ++first;
  if (first == at.size() || !is_quote(at[first]))
    first = 0;  // not a prefixed string: a number or a bare literal
  std::size_t last = at.size();
  while (first < last && is_quote(at[first])) ++first;
  while (last > first && is_quote(at[last - 1])) --last;
  if (last - first < 2) return;
  literal_content_.assign(at.substr(first, last - first));
  lower_ascii(literal_content_);
  out_.literals.push_back({static_cast<std::uint32_t>(out_.tokens.size() - 1), symbol_of(literal_content_)});
}

void TokenSink::break_segment() {
  close_segment();
  const auto& last = out_.segments.back();
  if (last.begin == last.end) return;  // nothing to close
  const auto size = emitted();
  out_.segments.push_back({channel_, size, size});
}

void TokenSink::close_segment() { out_.segments.back().end = emitted(); }

void TokenSink::switch_channel(Channel channel) {
  break_segment();
  channel_ = channel;
  out_.segments.back().channel = channel;
}

TokenSink::EmbeddedSource::EmbeddedSource(TokenSink& sink, std::string_view text,
                                          std::uint32_t first_line, std::uint32_t offset)
    : sink_(sink),
      saved_text_(sink.text_),
      saved_lines_(sink.lines_),
      saved_first_line_(sink.first_line_),
      saved_offset_(sink.base_offset_),
      saved_embedded_(sink.embedded_) {
  sink.text_ = text;
  sink.first_line_ = first_line;
  sink.base_offset_ = offset;
  sink.embedded_ = true;
  sink.lines_ = LineCounter(text);
}

TokenSink::EmbeddedSource::~EmbeddedSource() {
  sink_.text_ = saved_text_;
  sink_.first_line_ = saved_first_line_;
  sink_.base_offset_ = saved_offset_;
  sink_.lines_ = saved_lines_;
  sink_.embedded_ = saved_embedded_;
}

TokenizedFile TokenSink::finish() && {
  close_segment();
  auto& segments = out_.segments;
  segments.erase(std::remove_if(segments.begin(), segments.end(),
                                [](const Segment& s) { return s.begin == s.end; }),
                 segments.end());
  return std::move(out_);
}

TokenizedFile tokenize(std::string_view text, Channel channel, LexFunction lex,
                       const LexLimits& limits) {
  TokenSink sink(text, channel, limits);
  try {
    lex(text, sink);
  } catch (LexRefusal& refusal) {
    TokenizedFile refused;
    refused.refused = std::move(refusal.reason);
    return refused;
  }
  return std::move(sink).finish();
}

}  // namespace huella
