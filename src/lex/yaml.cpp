// YAML lexer.
//
// YAML has no identifiers of its own: keys are schema (compose's services, image, ports...) and
// values (images, commands, environment entries) are the evidence, so both are kept as spelled;
// a quoted scalar is kept by its content, so quoting does not matter. Numbers become the number
// symbol, block scalars (`|`, `>`) one string token, anchors and aliases the identifier symbol.
// Comments and indentation vanish; indicators (- : { } [ ] ,) are kept.
#include <cstddef>
#include <string_view>

#include "huella/lex.h"

namespace huella {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_hex_digit(char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

// Integers and decimals (with `_` separators, sign, exponent) and 0x/0o integers. Dotted
// versions such as 1.2.3 are not numbers: they stay as spelled.
bool is_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (s.size() > i + 2 && s[i] == '0' && ((s[i + 1] | 0x20) == 'x' || (s[i + 1] | 0x20) == 'o')) {
    for (std::size_t j = i + 2; j < s.size(); ++j)
      if (!is_hex_digit(s[j]) && s[j] != '_') return false;
    return true;
  }
  std::size_t digits = 0;
  bool dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (is_digit(c))
      ++digits;
    else if (c == '_' && digits > 0)
      continue;
    else if (c == '.' && !dot)
      dot = true;
    else
      break;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] | 0x20) == 'e') {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == s.size() || !is_digit(s[i])) return false;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  return i == s.size();
}

class YamlLexer {
 public:
  YamlLexer(std::string_view text, TokenSink& sink) : text_(text), sink_(sink) {}

  void run() {
    const std::size_t n = text_.size();
    while (pos_ < n) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++pos_;
        line_start_ = pos_;
        indent_known_ = false;
        continue;
      }
      if (is_blank(c)) {
        ++pos_;
        continue;
      }
      if (!indent_known_) {
        indent_ = pos_ - line_start_;
        indent_known_ = true;
        if (indent_ == 0 && document_marker()) continue;
      }
      lex_token(c);
    }
  }

 private:
  char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  // True when the byte at `i` ends a token: a blank, a line end, or the end of the text.
  bool separates(std::size_t i) const {
    const char c = at(i);
    return i >= text_.size() || is_blank(c) || c == '\n' ||
           (flow_depth_ > 0 && is_flow_indicator(c));
  }

  void skip_line() {
    const auto newline = text_.find('\n', pos_);
    pos_ = newline == std::string_view::npos ? text_.size() : newline;
  }

  // `---` and `...` separate documents in a stream.
  bool document_marker() {
    const auto marker = text_.substr(pos_, 3);
    if ((marker != "---" && marker != "...") || !separates(pos_ + 3)) return false;
    sink_.keep(marker);
    pos_ += 3;
    return true;
  }

  void keep_indicator(std::size_t length = 1) {
    sink_.keep(text_.substr(pos_, length));
    pos_ += length;
  }

  void lex_token(char c) {
    switch (c) {
      case '#':
        skip_line();
        return;
      case '{':
      case '[':
        ++flow_depth_;
        keep_indicator();
        return;
      case '}':
      case ']':
        if (flow_depth_ > 0) --flow_depth_;
        keep_indicator();
        return;
      case ',':
        if (flow_depth_ > 0) {
          keep_indicator();
          return;
        }
        break;
      case ':':  // in flow context a JSON-like `"key":value` needs no blank
        if (separates(pos_ + 1) || flow_depth_ > 0) {
          keep_indicator();
          return;
        }
        break;
      case '-':
      case '?':
        if (separates(pos_ + 1)) {
          keep_indicator();
          return;
        }
        break;
      case '|':
      case '>':
        if (flow_depth_ == 0) {
          block_scalar();
          return;
        }
        break;
      case '&':
      case '*':
        if (!separates(pos_ + 1)) {
          anchor();
          return;
        }
        break;
      case '!':
        sink_.keep(non_blank_run());
        return;
      case '"':
      case '\'':
        quoted(c);
        return;
      default:
        break;
    }
    plain();
  }

  std::string_view non_blank_run() {
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && !separates(pos_)) ++pos_;
    return text_.substr(begin, pos_ - begin);
  }

  // `&name` and `*name`: the sigil kept, the name the student's.
  void anchor() {
    keep_indicator();
    sink_.identifier(non_blank_run());
  }

  void scalar(std::string_view token, std::string_view content) {
    std::size_t after = pos_;
    while (is_blank(at(after))) ++after;
    const bool is_key = at(after) == ':' && (separates(after + 1) || flow_depth_ > 0);
    if (!is_key && is_number(content))
      sink_.number(token);
    else
      sink_.keep_as(token, content);
  }

  // A plain scalar runs to `: `, ` #`, the line end, or (in flow context) a flow indicator.
  void plain() {
    const std::size_t begin = pos_;
    std::size_t end = pos_;  // one past the last non-blank byte
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') break;
      if (c == ':' && separates(pos_ + 1)) break;
      if (c == '#' && pos_ > begin && is_blank(text_[pos_ - 1])) break;
      if (flow_depth_ > 0 && is_flow_indicator(c)) break;
      ++pos_;
      if (!is_blank(c)) end = pos_;
    }
    if (end == begin) {  // a lone indicator byte that starts no scalar
      pos_ = begin + 1;
      return;
    }
    const auto token = text_.substr(begin, end - begin);
    scalar(token, token);
  }

  // Quoted scalars may span lines; `\"` escapes in double quotes, `''` in single quotes.
  void quoted(char quote) {
    const std::size_t begin = pos_;
    std::size_t i = pos_ + 1;
    while (i < text_.size()) {
      const char c = text_[i];
      if (quote == '"' && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && at(i + 1) == '\'') {
          i += 2;
          continue;
        }
        break;
      }
      ++i;
    }
    const bool closed = i < text_.size();
    pos_ = closed ? i + 1 : text_.size();
    const auto token = text_.substr(begin, pos_ - begin);
    scalar(token, token.substr(1, token.size() - (closed ? 2 : 1)));
  }

  // `|` or `>` with its header, then every following line more indented than the key's line
  // (or blank): one string token.
  void block_scalar() {
    const std::size_t begin = pos_;
    skip_line();
    std::size_t end = pos_;
    while (pos_ < text_.size()) {
      const std::size_t line = pos_ + 1;
      std::size_t first = line;
      while (first < text_.size() && is_blank(text_[first])) ++first;
      const bool blank = first >= text_.size() || text_[first] == '\n';
      if (!blank && first - line <= indent_) break;
      pos_ = line;
      skip_line();
      if (!blank) end = pos_;
    }
    pos_ = end;
    sink_.string_literal(text_.substr(begin, end - begin));
  }

  std::string_view text_;
  TokenSink& sink_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  std::size_t indent_ = 0;  // of the current line's first token
  bool indent_known_ = false;
  std::size_t flow_depth_ = 0;
};

}  // namespace

void lex_yaml(std::string_view text, TokenSink& sink) { YamlLexer(text, sink).run(); }

}  // namespace huella
