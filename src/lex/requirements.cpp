// requirements.txt lexer (pip requirement files).
//
// Package names are kept in their normalized form (PEP 503: lower case, runs of `-_.` as `-`),
// so `Kafka_Python` and `kafka-python` match; versions become the number symbol, so pinning
// another release does not hide a copied list; operators, extras brackets, markers and options
// (`-r`, `--index-url`) are kept; comments, blank lines and continuations vanish.
#include <cstddef>
#include <string>
#include <string_view>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

constexpr scan::ByteSet kComparisons("=<>~!");
constexpr scan::ByteSet kSeparators(",;[]()@");
constexpr auto kBlanksAndNewline = scan::kInlineBlanks | "\n";
constexpr auto kWordEnds = kBlanksAndNewline | kComparisons | kSeparators | "#\"'";

// `1.2.3`, `2.0rc1`, `1.*`: what follows a version operator.
bool is_version(std::string_view word) {
  return !word.empty() && (scan::is_digit(word.front()) || word.front() == '*');
}

class RequirementsLexer : public scan::Scanner<RequirementsLexer> {
 public:
  using Scanner::Scanner;

 private:
  friend Scanner;

  void token(char c) {
    if (c == '\\' && (at(pos_ + 1) == '\n' || at(pos_ + 1) == '\r')) {
      pos_ += at(pos_ + 1) == '\r' && at(pos_ + 2) == '\n' ? 3 : 2;  // a continuation
    } else if (c == '#') {
      skip_to_newline();
    } else if (c == '"' || c == '\'') {
      quoted(c);
    } else if (kComparisons.contains(c)) {
      const std::size_t begin = pos_;
      pos_ = scan::run_end(text_, pos_, kComparisons);
      sink_.keep(text_.substr(begin, pos_ - begin));
      expecting_version_ = true;
    } else if (kSeparators.contains(c)) {
      separator(c);
    } else if (scan::is_blank_or_control(c)) {
      ++pos_;  // control bytes
    } else {
      word();
    }
  }

  // Each line holds one requirement: its first word is a package name again.
  void newline() {
    expecting_name_ = true;
    in_extras_ = false;
    in_marker_ = false;
    verbatim_ = false;
    expecting_version_ = false;
  }

  void separator(char c) {
    sink_.keep(text_.substr(pos_, 1));
    ++pos_;
    switch (c) {
      case '[':
        in_extras_ = true;
        expecting_name_ = !in_marker_;
        break;
      case ']':
        in_extras_ = false;
        break;
      case ',':
        expecting_name_ = in_extras_;
        break;
      case ';':
        in_marker_ = true;
        break;
      case '@':
        verbatim_ = true;
        break;  // `name @ https://...`: a direct reference
      default:
        break;
    }
  }

  void quoted(char quote) {
    const std::size_t begin = pos_;
    const auto close = text_.find_first_of(quote == '"' ? "\"\n" : "'\n", pos_ + 1);
    pos_ = close == std::string_view::npos ? text_.size() : close + (text_[close] == quote ? 1 : 0);
    sink_.string_literal(text_.substr(begin, pos_ - begin));
    expecting_version_ = false;
  }

  void word() {
    const std::size_t begin = pos_;
    const bool option = text_[pos_] == '-';  // `-r`, `--hash=...`: no name or version starts so
    pos_ = scan::next_of(text_, pos_, kWordEnds);
    // Options, URLs and paths run to the next blank: their `=`, `@` and `#` are theirs.
    const bool whole = verbatim_ || option || is_location(text_.substr(begin, pos_ - begin));
    if (whole) pos_ = scan::next_of(text_, pos_, kBlanksAndNewline);
    if (pos_ == begin) {
      ++pos_;
      return;
    }
    const auto token = text_.substr(begin, pos_ - begin);
    if (whole) {
      sink_.keep(token);
      verbatim_ = true;  // an option's argument is kept as written
    } else if (expecting_name_ && !in_marker_) {
      sink_.keep_as(token, normalized_name(token));
    } else if (expecting_version_ && is_version(token)) {
      sink_.number(token);
    } else {
      sink_.keep(token);
    }
    expecting_name_ = false;
    expecting_version_ = false;
  }

  // `./pkg`, `/abs/pkg`, `git+https://...`: a location rather than a name.
  static bool is_location(std::string_view word) {
    return !word.empty() && (word.front() == '.' || word.front() == '/' ||
                             word.find("://") != std::string_view::npos);
  }

  std::string_view normalized_name(std::string_view name) {
    name_.clear();
    for (char c : name) {
      const bool separator = c == '-' || c == '_' || c == '.';
      if (separator) {
        if (name_.empty() || name_.back() != '-') name_.push_back('-');
      } else {
        name_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
      }
    }
    return name_;
  }

  std::string name_;  // reused buffer for normalized package names
  bool expecting_name_ = true;
  bool expecting_version_ = false;
  bool in_extras_ = false;
  bool in_marker_ = false;
  bool verbatim_ = false;
};

}  // namespace

void lex_requirements(std::string_view text, TokenSink& sink) {
  RequirementsLexer(text, sink).run_lines();
}

}  // namespace huella
