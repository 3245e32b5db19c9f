// Shell lexer: sh/bash, and close enough for .bat, .cmd and PowerShell.
//
// Command words, flags and arguments are kept as spelled (they carry behaviour); variables
// (`$X`, `${X}`, `%X%`) and assignment names (`X=`) are the student's names; quoted strings and
// heredoc bodies are string tokens; numbers the number symbol. Comments (`#`, `REM`, `::`,
// `<# #>`), blanks and line continuations vanish.
#include <array>
#include <cstddef>
#include <string_view>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

constexpr scan::ByteSet kOperators(";&|<>()");

// Bytes that end a word: blanks, line ends, operators, quotes and expansions.
constexpr auto kWordEnds = scan::kInlineBlanks | kOperators | "\n'\"`$";
// A heredoc delimiter ends where a word does, or at a backslash.
constexpr auto kDelimiterEnds = kWordEnds | "\\";
constexpr auto kDigitsAndDots = scan::kDigits | ".";

// `8080`, `3.11`: digits and dots only.
bool is_number(std::string_view word) {
  return !word.empty() && scan::is_digit(word.front()) &&
         scan::run_end(word, 0, kDigitsAndDots) == word.size();
}

// The length of a `NAME=` prefix (up to the name's end), or 0.
std::size_t assigned_name_length(std::string_view word) {
  if (word.empty() || !scan::is_identifier_start(word.front())) return 0;
  const std::size_t i = scan::identifier_end(word, 1);
  return i < word.size() && word[i] == '=' ? i : 0;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

struct PendingHeredoc {
  std::string_view delimiter;
  bool strip_tabs;  // `<<-`: the closing line may be indented with tabs
};

constexpr std::size_t kMaxPendingHeredocs = 4;

class ShellLexer : public scan::Scanner<ShellLexer> {
 public:
  using Scanner::Scanner;

 private:
  friend Scanner;

  void newline() {
    command_position_ = true;
    if (pending_count_ > 0) heredoc_bodies();
  }

  void token(char c) {
    if (c == '\\' && (at(pos_ + 1) == '\n' || (at(pos_ + 1) == '\r' && at(pos_ + 2) == '\n'))) {
      pos_ += at(pos_ + 1) == '\n' ? 2 : 3;  // a line continuation
    } else if (c == '#') {
      skip_to_newline();
    } else if (c == '\'' || c == '"' || c == '`') {
      quoted(c);
    } else if (c == '$') {
      expansion();
    } else if (c == '<' && at(pos_ + 1) == '#') {
      pos_ = scan::past_next(text_, pos_ + 2, "#>");
    } else if (kOperators.contains(c)) {
      lex_operator(c);
    } else if (scan::is_blank_or_control(c)) {
      ++pos_;  // control bytes
    } else {
      word();
    }
  }

  // Quotes may span lines; in single quotes a backslash escapes nothing.
  void quoted(char quote) {
    const std::size_t begin = pos_;
    pos_ = quote == '\'' ? scan::past_next(text_, pos_ + 1, "'") : scan::quoted_end(text_, pos_);
    sink_.string_literal(text_.substr(begin, pos_ - begin));
    command_position_ = false;
  }

  // `$NAME`, `${...}`: the student's names; `$1`, `$?`: kept; `$(`: kept, its command follows.
  void expansion() {
    const std::size_t begin = pos_;
    const char next = at(pos_ + 1);
    if (next == '{') {
      std::size_t depth = 0;
      while (pos_ < text_.size() && text_[pos_] != '\n') {
        const char c = text_[pos_++];
        if (c == '{')
          ++depth;
        else if (c == '}' && --depth == 0)
          break;
      }
      sink_.identifier(text_.substr(begin, pos_ - begin));
    } else if (scan::is_identifier_start(next)) {
      pos_ = scan::identifier_end(text_, pos_ + 2);
      sink_.identifier(text_.substr(begin, pos_ - begin));
    } else if (next == '\'' || next == '"') {
      ++pos_;
      quoted(next);
      return;
    } else if (next == '(') {
      pos_ += at(pos_ + 2) == '(' ? 3 : 2;
      sink_.keep(text_.substr(begin, pos_ - begin));
      command_position_ = true;
      return;
    } else {
      const bool special = scan::is_digit(next) || next == '@' || next == '*' || next == '#' ||
                           next == '?' || next == '$' || next == '!' || next == '-';
      pos_ += special ? 2 : 1;
      sink_.keep(text_.substr(begin, pos_ - begin));
    }
    command_position_ = false;
  }

  void lex_operator(char c) {
    const std::size_t begin = pos_;
    const char next = at(pos_ + 1);
    if (c == '<' && next == '<') {
      if (at(pos_ + 2) == '<') {
        pos_ += 3;  // a here-string: its word follows
      } else {
        heredoc_operator();
        return;
      }
    } else if ((c == next && c != '(' && c != ')') || (c == '>' && (next == '&' || next == '|')) ||
               (c == '<' && (next == '&' || next == '>')) || (c == '&' && next == '>') ||
               (c == '|' && next == '&') || (c == ';' && next == '&')) {
      pos_ += 2;
    } else {
      pos_ += 1;
    }
    sink_.keep(text_.substr(begin, pos_ - begin));
    command_position_ = c != '<' && c != '>' && c != ')';
    naming_loop_variable_ = false;  // `for ((i = 0; ...))` names no word
  }

  // `<<WORD`, `<<-WORD`, `<<'WORD'`: kept; the body after this line becomes one string token.
  // The delimiter is a name the student chose and leaves no token.
  void heredoc_operator() {
    const std::size_t begin = pos_;
    pos_ += 2;
    const bool strip_tabs = at(pos_) == '-';
    if (strip_tabs) ++pos_;
    sink_.keep(text_.substr(begin, pos_ - begin));
    pos_ = scan::run_end(text_, pos_, scan::kInlineBlanks);
    const char quote = at(pos_);
    const bool quoted_delimiter = quote == '\'' || quote == '"';
    if (quoted_delimiter) ++pos_;
    const std::size_t delimiter_begin = pos_;
    pos_ = scan::next_of(text_, pos_, kDelimiterEnds);
    const auto delimiter = text_.substr(delimiter_begin, pos_ - delimiter_begin);
    if (quoted_delimiter && at(pos_) == quote) ++pos_;
    if (!delimiter.empty() && pending_count_ < kMaxPendingHeredocs)
      pending_[pending_count_++] = {delimiter, strip_tabs};
    command_position_ = false;
  }

  // Called at the start of the line after heredoc operators: each body up to its delimiter line.
  void heredoc_bodies() {
    for (std::size_t h = 0; h < pending_count_; ++h) {
      const auto& heredoc = pending_[h];
      const std::size_t body_begin = pos_;
      std::size_t body_end = text_.size();
      while (pos_ < text_.size()) {
        const std::size_t line = pos_;
        skip_to_newline();
        std::size_t first = line, last = pos_;
        if (heredoc.strip_tabs)
          while (first < last && text_[first] == '\t') ++first;
        if (last > first && text_[last - 1] == '\r') --last;
        if (pos_ < text_.size()) ++pos_;  // past the newline
        if (text_.substr(first, last - first) == heredoc.delimiter) {
          body_end = line;
          break;
        }
      }
      sink_.string_literal(text_.substr(body_begin, body_end - body_begin));
    }
    pending_count_ = 0;
  }

  void word() {
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && !kWordEnds.contains(text_[pos_])) {
      if (text_[pos_] == '\\') {  // an escaped byte belongs to the word; a line end does not
        if (at(pos_ + 1) == '\n' || at(pos_ + 1) == '\r' || pos_ + 1 == text_.size()) break;
        ++pos_;
      }
      ++pos_;
    }
    if (pos_ == begin) {  // a lone backslash
      ++pos_;
      return;
    }
    auto word = text_.substr(begin, pos_ - begin);
    if (command_position_ && (equals_ignoring_case(word, "rem") || word.substr(0, 2) == "::")) {
      skip_to_newline();  // batch-file comments
      return;
    }
    const bool was_command_position = command_position_;
    command_position_ = false;
    if (naming_loop_variable_) {  // `for NAME in ...`: the student's name
      naming_loop_variable_ = false;
      sink_.identifier(word);
      return;
    }
    naming_loop_variable_ = was_command_position && word == "for";
    if (const auto name = assigned_name_length(word); name > 0) {
      sink_.identifier(word.substr(0, name));
      sink_.keep(word.substr(name, 1));
      word.remove_prefix(name + 1);
      command_position_ = was_command_position;  // `X=1 cmd`: the command still follows
      if (word.empty()) return;
    }
    if (word.size() > 2 && word.front() == '%' && word.back() == '%')
      sink_.identifier(word);  // a batch variable
    else if (is_number(word))
      sink_.number(word);
    else
      sink_.keep(word);
  }

  bool command_position_ = true;
  bool naming_loop_variable_ = false;
  std::array<PendingHeredoc, kMaxPendingHeredocs> pending_{};
  std::size_t pending_count_ = 0;
};

}  // namespace

void lex_shell(std::string_view text, TokenSink& sink) { ShellLexer(text, sink).run_lines(); }

}  // namespace huella
