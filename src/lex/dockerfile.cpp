// Dockerfile lexer.
//
// Each instruction is kept upper-cased (Docker ignores its case); its arguments, up to the end
// of the logical line (continuations and BuildKit heredocs included), are lexed as shell, which
// keeps image names and arguments as spelled and turns `$VAR` and `NAME=` into identifiers.
// The exec form `["python", "app.py"]` gives the same tokens as the shell form `python app.py`.
// Comments and parser directives vanish.
#include <array>
#include <cstddef>
#include <string_view>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

constexpr auto kBlanksAndNewline = scan::kInlineBlanks | "\n";
// The bytes that end a heredoc delimiter word, as in the shell lexer.
constexpr auto kDelimiterEnds = kBlanksAndNewline | "'\"`$\\;&|<>()";

constexpr std::string_view kInstructions[] = {
    "FROM",    "RUN", "CMD",     "LABEL",      "MAINTAINER",  "EXPOSE",
    "ENV",     "ADD", "COPY",    "ENTRYPOINT", "VOLUME",      "USER",
    "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
};

// The upper-case spelling of a known instruction, or the word itself.
std::string_view instruction_form(std::string_view word) {
  for (auto instruction : kInstructions) {
    if (instruction.size() != word.size()) continue;
    std::size_t i = 0;
    while (i < word.size() && (word[i] & ~0x20) == instruction[i]) ++i;
    if (i == word.size()) return instruction;
  }
  return word;
}

constexpr std::size_t kMaxHeredocs = 4;

class DockerfileLexer : public scan::Scanner<DockerfileLexer> {
 public:
  using Scanner::Scanner;

 private:
  friend Scanner;

  // An instruction lexes up to its logical line's end, so the newline after it says nothing.
  void newline() {}

  void token(char c) {
    if (c == '#')
      skip_to_newline();
    else
      instruction();
  }

  std::size_t first_non_blank(std::size_t from) const {
    return scan::run_end(text_, from, scan::kInlineBlanks);
  }

  void instruction() {
    const std::size_t begin = pos_;
    pos_ = scan::next_of(text_, pos_, kBlanksAndNewline);
    const auto word = text_.substr(begin, pos_ - begin);
    sink_.keep_as(word, instruction_form(word));
    const std::size_t end = with_heredocs(logical_line_end(pos_));
    const auto arguments = text_.substr(pos_, end - pos_);
    if (!exec_form(arguments)) lex_shell(arguments, sink_);
    pos_ = end;
  }

  // Lines joined by a trailing backslash; comment and blank lines inside the join are skipped
  // by Docker, and by the shell lexer after it.
  std::size_t logical_line_end(std::size_t from) const {
    std::size_t end = scan::next_newline(text_, from);
    while (end < text_.size()) {
      std::size_t last = end;
      while (last > from && scan::is_inline_blank(text_[last - 1])) --last;
      if (last == from || text_[last - 1] != '\\') {
        const std::size_t first = first_non_blank(from);
        const bool skipped = first == end || text_[first] == '#';
        if (!skipped || from == pos_) break;
      }
      from = end + 1;
      end = scan::next_newline(text_, from);
    }
    return end;
  }

  // BuildKit heredocs (`RUN <<EOF`): the logical line goes on to each delimiter line.
  std::size_t with_heredocs(std::size_t end) const {
    std::array<std::string_view, kMaxHeredocs> delimiters{};
    std::size_t count = 0;
    char quote = 0;
    for (std::size_t i = pos_; i + 1 < end && count < kMaxHeredocs; ++i) {
      const char c = text_[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '<' && text_[i + 1] == '<' && (i + 2 >= end || text_[i + 2] != '<')) {
        std::size_t j = i + 2;
        if (j < end && text_[j] == '-') ++j;
        j = first_non_blank(j);
        if (j < end && (text_[j] == '\'' || text_[j] == '"')) ++j;
        const std::size_t name = j;
        while (j < end && !kDelimiterEnds.contains(text_[j])) ++j;
        if (j > name) delimiters[count++] = text_.substr(name, j - name);
        i = j;
      }
    }
    for (std::size_t h = 0; h < count && end < text_.size(); ++h) {
      for (std::size_t line = end + 1; line <= text_.size();) {
        end = scan::next_newline(text_, line);
        std::size_t first = first_non_blank(line), last = end;
        while (last > first && scan::is_inline_blank(text_[last - 1])) --last;
        if (text_.substr(first, last - first) == delimiters[h]) break;
        line = end + 1;
      }
    }
    return end;
  }

  // `["executable", "argument"]`: each string kept by its content, brackets and commas dropped.
  bool exec_form(std::string_view arguments) {
    std::size_t first = 0, last = arguments.size();
    while (first < last && kBlanksAndNewline.contains(arguments[first])) ++first;
    while (last > first && kBlanksAndNewline.contains(arguments[last - 1])) --last;
    if (last - first < 2 || arguments[first] != '[' || arguments[last - 1] != ']') return false;
    const auto inside = arguments.substr(0, last - 1);  // up to the `]`
    for (std::size_t i = first + 1; i < inside.size(); ++i) {
      if (inside[i] != '"') continue;
      const std::size_t begin = i;
      i = scan::closing_quote(inside, begin);
      const bool closed = i < inside.size();
      const auto token = inside.substr(begin, i + (closed ? 1 : 0) - begin);
      sink_.keep_as(token, token.substr(1, token.size() - (closed ? 2 : 1)));
    }
    return true;
  }
};

}  // namespace

void lex_dockerfile(std::string_view text, TokenSink& sink) {
  DockerfileLexer(text, sink).run_lines();
}

}  // namespace huella
