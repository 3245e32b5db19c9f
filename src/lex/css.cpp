// CSS (and SCSS or Less, roughly) in the matching form.
//
// Every item of a block, or of the top level, is either a rule with a selector or a declaration;
// a look ahead to its first `{`, `;` or `}` tells which, so a bare declaration list such as an
// HTML style attribute lexes right, and so does SCSS nesting. Selectors keep element names and
// pseudo-classes, while class and id names are the author's: identifiers. Declarations keep
// property names and keyword values; a number keeps its unit but not its value, a hex color is a
// number. Semicolons vanish, since the last one in a block is optional.
#include <cstddef>
#include <string_view>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

constexpr auto kNameChar = scan::kIdentifierChar | "-";

// The bytes the look ahead must examine; it steps over all others.
constexpr scan::ByteSet kStopsLookAhead("{};\"'/");
// An unquoted url(...) runs to its `)` or the line end.
constexpr scan::ByteSet kUrlEnds(")\n\r");

enum class Mode {
  selector,   // before a rule's `{`
  property,   // a declaration before its `:`
  value,      // a declaration after its `:`
  at_prelude  // `@media ...`, `@import ...`
};

class CssLexer : public scan::Scanner<CssLexer> {
 public:
  using Scanner::Scanner;

 private:
  friend Scanner;

  void token(char c) {
    if (starts_comment(pos_)) {
      pos_ = comment_end(pos_);
      return;
    }
    if (item_start_) {
      mode_ = c == '@' ? Mode::at_prelude : rule_ahead() ? Mode::selector : Mode::property;
      item_start_ = false;
    }
    if (c == '{' || c == '}' || c == ';') {
      if (c != ';') sink_.keep(text_.substr(pos_, 1));
      ++pos_;
      item_start_ = true;
    } else if (c == '"' || c == '\'') {
      const auto begin = pos_;
      pos_ = string_end(pos_);
      sink_.string_literal(text_.substr(begin, 1));
    } else if (c == '#' && mode_ != Mode::selector && kNameChar.contains(peek(1))) {
      // `#ff8800`, and SCSS `#{...}` in values, which this treats like a color.
      const auto begin = pos_++;
      pos_ = scan::run_end(text_, pos_, kNameChar);
      sink_.number(from(begin));
    } else if ((c == '#' || c == '.') && mode_ == Mode::selector && starts_name(pos_ + 1)) {
      sink_.keep(text_.substr(pos_++, 1));
      const auto begin = pos_;
      skip_name();
      sink_.identifier(from(begin));
    } else if (starts_number(pos_)) {
      number();
    } else if (c == '@' && starts_name(pos_ + 1)) {
      const auto begin = pos_++;
      skip_name();
      sink_.keep(from(begin));
    } else if (c == '$' && starts_name(pos_ + 1)) {
      // SCSS variables are the author's names.
      const auto begin = pos_++;
      skip_name();
      sink_.identifier(from(begin));
    } else if (starts_name(pos_)) {
      name();
    } else {
      sink_.keep(text_.substr(pos_++, 1));
      if (c == ':' && mode_ == Mode::property) mode_ = Mode::value;
    }
  }

  // `/* */`, and `//` line comments of SCSS and Less; `url(//host/x)` is scanned before this.
  bool starts_comment(std::size_t i) const {
    return at(i) == '/' && (at(i + 1) == '*' || at(i + 1) == '/');
  }
  std::size_t comment_end(std::size_t i) const {
    return at(i + 1) == '/' ? scan::next_line_break(text_, i) : scan::block_comment_end(text_, i);
  }

  // One past the closing quote; unterminated, the line end (an escaped line end continues).
  std::size_t string_end(std::size_t open) const {
    return scan::quoted_end(text_, open, scan::kLineBreaks);
  }

  // Whether this item is a rule: `{` comes before `;` or `}` (strings and comments skipped).
  bool rule_ahead() const {
    auto i = pos_;
    while (i < text_.size()) {
      const char c = text_[i];
      if (!kStopsLookAhead.contains(c)) {
        ++i;
        continue;
      }
      if (c == '{') return true;
      if (c == ';' || c == '}') return false;
      if (c == '"' || c == '\'')
        i = string_end(i);
      else if (starts_comment(i))
        i = comment_end(i);
      else
        ++i;
    }
    return false;
  }

  // Names: `color`, `-webkit-box`, `--main-color`, `\31 0` (escapes).
  bool starts_name(std::size_t i) const {
    if (at(i) == '-' && at(i + 1) == '-') return true;  // a custom property
    if (at(i) == '-') ++i;
    return scan::is_identifier_start(at(i)) || at(i) == '\\';
  }
  void skip_name() {
    while (pos_ < text_.size()) {
      if (text_[pos_] == '\\')
        pos_ += 2;
      else if (kNameChar.contains(text_[pos_]))
        ++pos_;
      else
        break;
    }
    pos_ = std::min(pos_, text_.size());
  }

  void name() {
    const auto begin = pos_;
    skip_name();
    const auto word = from(begin);
    // Custom properties, in a declaration or in var(), are the author's names.
    if (word.starts_with("--"))
      sink_.identifier(word);
    else
      sink_.keep(word);
    if (peek(0) == '(' && (word == "url" || word == "url-prefix")) url_argument();
  }

  // An unquoted url(...) is one string; a quoted one is lexed as `(` and a string.
  void url_argument() {
    sink_.keep(text_.substr(pos_++, 1));
    pos_ = scan::run_end(text_, pos_, scan::kBlankOrControl);
    if (peek(0) == '"' || peek(0) == '\'' || peek(0) == ')') return;
    const auto begin = pos_;
    pos_ = scan::next_of(text_, pos_, kUrlEnds);
    sink_.string_literal(from(begin));
  }

  bool starts_number(std::size_t i) const {
    if (at(i) == '+' || at(i) == '-') ++i;
    return scan::is_digit(at(i)) || (at(i) == '.' && scan::is_digit(at(i + 1)));
  }

  // `-1.5e3px`: the number is one class symbol, its unit (`px`, `%`, `fr`) is kept.
  void number() {
    const auto begin = pos_;
    if (peek(0) == '+' || peek(0) == '-') ++pos_;
    while (pos_ < text_.size() &&
           (scan::is_digit(text_[pos_]) || (text_[pos_] == '.' && scan::is_digit(peek(1)))))
      ++pos_;
    pos_ = scan::exponent_end(text_, pos_);
    sink_.number(from(begin));
    const auto unit = pos_;
    if (peek(0) == '%')
      ++pos_;
    else
      pos_ = scan::run_end(text_, pos_, scan::kAsciiLetters);
    if (pos_ > unit) sink_.keep(from(unit));
  }

  bool item_start_ = true;  // the next token begins a rule, a declaration or an at-rule
  Mode mode_ = Mode::selector;
};

}  // namespace

void lex_css(std::string_view text, TokenSink& sink) { CssLexer(text, sink).run_tokens(); }

}  // namespace huella
