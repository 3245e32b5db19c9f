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
#include "scan.h"

namespace huella {
namespace {

constexpr auto kHexDigitsOrSeparator = scan::kDigits | "abcdefABCDEF_";
constexpr scan::ByteSet kFlowIndicators(",[]{}");

// Integers and decimals (with `_` separators, sign, exponent) and 0x/0o integers. Dotted
// versions such as 1.2.3 are not numbers: they stay as spelled.
bool is_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (s.size() > i + 2 && s[i] == '0' && ((s[i + 1] | 0x20) == 'x' || (s[i + 1] | 0x20) == 'o'))
    return scan::run_end(s, i + 2, kHexDigitsOrSeparator) == s.size();
  std::size_t digits = 0;
  bool dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (scan::is_digit(c))
      ++digits;
    else if (c == '_' && digits > 0)
      continue;
    else if (c == '.' && !dot)
      dot = true;
    else
      break;
  }
  return digits > 0 && scan::exponent_end(s, i) == s.size();
}

class YamlLexer : public scan::Scanner<YamlLexer> {
 public:
  using Scanner::Scanner;

 private:
  friend Scanner;

  void newline() {
    line_start_ = pos_;
    indent_known_ = false;
  }

  // The first token of a line gives its indent.
  void token(char c) {
    if (!indent_known_) {
      indent_ = pos_ - line_start_;
      indent_known_ = true;
      if (indent_ == 0 && document_marker()) return;
    }
    lex_token(c);
  }

  // True when the byte at `i` ends a token: a blank, a line end, or the end of the text.
  bool separates(std::size_t i) const {
    const char c = at(i);
    return i >= text_.size() || scan::is_inline_blank(c) || c == '\n' ||
           (flow_depth_ > 0 && kFlowIndicators.contains(c));
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
        skip_to_newline();
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
    const std::size_t after = scan::run_end(text_, pos_, scan::kInlineBlanks);
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
      if (c == '#' && pos_ > begin && scan::is_inline_blank(text_[pos_ - 1])) break;
      if (flow_depth_ > 0 && kFlowIndicators.contains(c)) break;
      ++pos_;
      if (!scan::is_inline_blank(c)) end = pos_;
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
    const std::size_t i =
        quote == '"' ? scan::closing_quote(text_, pos_) : scan::closing_doubled_quote(text_, pos_);
    const bool closed = i < text_.size();
    pos_ = closed ? i + 1 : text_.size();
    const auto token = text_.substr(begin, pos_ - begin);
    scalar(token, token.substr(1, token.size() - (closed ? 2 : 1)));
  }

  // `|` or `>` with its header, then every following line more indented than the key's line
  // (or blank): one string token.
  void block_scalar() {
    const std::size_t begin = pos_;
    skip_to_newline();
    std::size_t end = pos_;
    while (pos_ < text_.size()) {
      const std::size_t line = pos_ + 1;
      const std::size_t first = scan::run_end(text_, line, scan::kInlineBlanks);
      const bool blank = first >= text_.size() || text_[first] == '\n';
      if (!blank && first - line <= indent_) break;
      pos_ = line;
      skip_to_newline();
      if (!blank) end = pos_;
    }
    pos_ = end;
    sink_.string_literal(text_.substr(begin, end - begin));
  }

  std::size_t line_start_ = 0;
  std::size_t indent_ = 0;  // of the current line's first token
  bool indent_known_ = false;
  std::size_t flow_depth_ = 0;
};

}  // namespace

void lex_yaml(std::string_view text, TokenSink& sink) { YamlLexer(text, sink).run_lines(); }

}  // namespace huella
