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

namespace huella {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The bytes that end a heredoc delimiter word, as in the shell lexer.
bool ends_delimiter(char c) {
  return is_blank(c) || c == '\n' || c == '\'' || c == '"' || c == '`' || c == '$' || c == '\\' ||
         c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}

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

class DockerfileLexer {
 public:
  DockerfileLexer(std::string_view text, TokenSink& sink) : text_(text), sink_(sink) {}

  void run() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (is_blank(c) || c == '\n') {
        ++pos_;
      } else if (c == '#') {
        pos_ = line_end(pos_);
      } else {
        instruction();
      }
    }
  }

 private:
  std::size_t line_end(std::size_t from) const {
    const auto newline = text_.find('\n', from);
    return newline == std::string_view::npos ? text_.size() : newline;
  }

  std::size_t first_non_blank(std::size_t from) const {
    while (from < text_.size() && is_blank(text_[from])) ++from;
    return from;
  }

  void instruction() {
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && !is_blank(text_[pos_]) && text_[pos_] != '\n') ++pos_;
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
    std::size_t end = line_end(from);
    while (end < text_.size()) {
      std::size_t last = end;
      while (last > from && is_blank(text_[last - 1])) --last;
      if (last == from || text_[last - 1] != '\\') {
        const std::size_t first = first_non_blank(from);
        const bool skipped = first == end || text_[first] == '#';
        if (!skipped || from == pos_) break;
      }
      from = end + 1;
      end = line_end(from);
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
        while (j < end && !ends_delimiter(text_[j])) ++j;
        if (j > name) delimiters[count++] = text_.substr(name, j - name);
        i = j;
      }
    }
    for (std::size_t h = 0; h < count && end < text_.size(); ++h) {
      for (std::size_t line = end + 1; line <= text_.size();) {
        end = line_end(line);
        std::size_t first = first_non_blank(line), last = end;
        while (last > first && is_blank(text_[last - 1])) --last;
        if (text_.substr(first, last - first) == delimiters[h]) break;
        line = end + 1;
      }
    }
    return end;
  }

  // `["executable", "argument"]`: each string kept by its content, brackets and commas dropped.
  bool exec_form(std::string_view arguments) {
    std::size_t first = 0, last = arguments.size();
    while (first < last && (is_blank(arguments[first]) || arguments[first] == '\n')) ++first;
    while (last > first && (is_blank(arguments[last - 1]) || arguments[last - 1] == '\n')) --last;
    if (last - first < 2 || arguments[first] != '[' || arguments[last - 1] != ']') return false;
    for (std::size_t i = first + 1; i < last - 1; ++i) {
      if (arguments[i] != '"') continue;
      const std::size_t begin = i++;
      while (i < last - 1 && arguments[i] != '"') i += arguments[i] == '\\' ? 2 : 1;
      const std::size_t end = i < last - 1 ? i + 1 : last - 1;
      const auto token = arguments.substr(begin, end - begin);
      sink_.keep_as(token, token.substr(1, token.size() - (i < last - 1 ? 2 : 1)));
    }
    return true;
  }

  std::string_view text_;
  TokenSink& sink_;
  std::size_t pos_ = 0;
};

}  // namespace

void lex_dockerfile(std::string_view text, TokenSink& sink) { DockerfileLexer(text, sink).run(); }

}  // namespace huella
