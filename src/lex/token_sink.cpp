#include <xxhash.h>

#include <algorithm>
#include <cassert>

#include "huella/lex.h"

namespace huella {

std::uint64_t TokenSink::symbol_of(std::string_view form) {
  return XXH3_64bits(form.data(), form.size());
}

// Class symbols use a byte no lexer emits as a token, so they never equal a kept spelling.
const std::uint64_t TokenSink::kIdentifierSymbol = TokenSink::symbol_of("\x01identifier");
const std::uint64_t TokenSink::kNumberSymbol = TokenSink::symbol_of("\x01number");
const std::uint64_t TokenSink::kStringSymbol = TokenSink::symbol_of("\x01string");

TokenSink::TokenSink(std::string_view file_text, Channel channel)
    : channel_(channel), text_(file_text) {
  out_.segments.push_back({channel, 0, 0});
}

void TokenSink::emit(std::string_view at, std::uint64_t symbol) {
  const auto* begin = text_.data();
  if (at.data() < begin || at.data() > begin + text_.size()) return;  // not a view of the text
  auto offset = static_cast<std::uint32_t>(at.data() - begin);
  // Lexers move forward almost always; going back recounts from the start of the text.
  if (offset < cursor_offset_) {
    cursor_offset_ = 0;
    cursor_line_ = 0;
  }
  cursor_line_ += static_cast<std::uint32_t>(
      std::count(begin + cursor_offset_, begin + offset, '\n'));
  cursor_offset_ = offset;
  const std::uint32_t file_offset = embedded_ ? base_offset_ : base_offset_ + offset;
  out_.tokens.push_back({symbol, file_offset, first_line_ + cursor_line_});
  out_.segments.back().end = static_cast<std::uint32_t>(out_.tokens.size());
}

void TokenSink::break_segment() {
  auto& last = out_.segments.back();
  if (last.begin == last.end) return;  // nothing to close
  auto size = static_cast<std::uint32_t>(out_.tokens.size());
  out_.segments.push_back({channel_, size, size});
}

void TokenSink::switch_channel(Channel channel) {
  break_segment();
  channel_ = channel;
  out_.segments.back().channel = channel;
}

TokenSink::EmbeddedSource::EmbeddedSource(TokenSink& sink, std::string_view text,
                                          std::uint32_t first_line, std::uint32_t offset)
    : sink_(sink),
      saved_text_(sink.text_),
      saved_first_line_(sink.first_line_),
      saved_offset_(sink.base_offset_),
      saved_cursor_offset_(sink.cursor_offset_),
      saved_cursor_line_(sink.cursor_line_),
      saved_embedded_(sink.embedded_) {
  sink.text_ = text;
  sink.first_line_ = first_line;
  sink.base_offset_ = offset;
  sink.embedded_ = true;
  sink.cursor_offset_ = 0;
  sink.cursor_line_ = 0;
}

TokenSink::EmbeddedSource::~EmbeddedSource() {
  sink_.text_ = saved_text_;
  sink_.first_line_ = saved_first_line_;
  sink_.base_offset_ = saved_offset_;
  sink_.cursor_offset_ = saved_cursor_offset_;
  sink_.cursor_line_ = saved_cursor_line_;
  sink_.embedded_ = saved_embedded_;
}

TokenizedFile TokenSink::finish() && {
  auto& segments = out_.segments;
  segments.erase(std::remove_if(segments.begin(), segments.end(),
                                [](const Segment& s) { return s.begin == s.end; }),
                 segments.end());
  return std::move(out_);
}

TokenizedFile tokenize(std::string_view text, Channel channel, LexFunction lex) {
  TokenSink sink(text, channel);
  lex(text, sink);
  return std::move(sink).finish();
}

}  // namespace huella
