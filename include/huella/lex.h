// Lexing: turns source text into tokens in their matching form.
//
// The matching form erases what a copier changes cheaply and keeps what carries behaviour:
// identifiers become one symbol, numbers and strings become class symbols, comments and layout
// vanish, while keywords, operators, builtins and (in Terraform) resource types stay as written.
// A lexer accepts any bytes; it refuses a file only when the file is not its language at all (a
// notebook that is not JSON), and a file past the limits is refused too: reported, never half-read.
#pragma once

#include <chrono>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huella/channel.h"
#include "huella/line_counter.h"

namespace huella {

// One token: `symbol` is the hash of its matching form.
struct Token {
  std::uint64_t symbol;
  std::uint32_t offset;  // byte offset of the token's first byte in the file
  std::uint32_t line;    // 1-based line of that byte in the file
};

// A stretch of tokens of one channel; k-grams never cross a segment boundary.
struct Segment {
  Channel channel;
  std::uint32_t begin;  // index of the first token
  std::uint32_t end;    // one past the last token
};

// A literal's own value, kept beside the matching form: a copy rewritten by an assistant keeps
// its endpoints, thresholds, topic names and messages even when every token around them changes.
struct Literal {
  std::uint32_t token;  // index of the literal's token
  std::uint64_t value;  // hash of its content, quotes and prefixes removed, ASCII lower-cased
};

// Bounds on the work for one file, so that one hostile file cannot cost the whole run; none by
// default (the pipeline sets its own).
struct LexLimits {
  std::uint32_t max_tokens = std::numeric_limits<std::uint32_t>::max();
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct TokenizedFile {
  std::string refused;  // why the file yielded no tokens ("" when lexed whole); one line
  std::vector<Token> tokens;
  std::vector<Segment> segments;
  std::vector<Literal> literals;  // string and number literals of two or more characters
};

// Receives a lexer's tokens; computes lines from offsets so lexers need not track them.
//
// Every `at` argument is a view into the text being lexed (the file's text, or the text given to
// the innermost `EmbeddedSource`), which is how the sink knows the token's offset and line.
class TokenSink {
 public:
  TokenSink(std::string_view file_text, Channel channel, const LexLimits& limits = {});

  // A token whose matching form is its own spelling (keywords, operators, punctuation).
  void keep(std::string_view at) { emit(at, symbol_of(at)); }
  // A token whose matching form is `form` (e.g. a lower-cased SQL keyword, a Terraform type).
  void keep_as(std::string_view at, std::string_view form) { emit(at, symbol_of(form)); }
  // Identifiers, numbers and string literals collapse into one symbol per class.
  void identifier(std::string_view at) { emit(at, kIdentifierSymbol); }
  void number(std::string_view at) {
    if (emit(at, kNumberSymbol)) note_literal(at);
  }
  void string_literal(std::string_view at) {
    if (emit(at, kStringSymbol)) note_literal(at);
  }

  // Stops the lexer: the file is not its language. Throws LexRefusal, which `tokenize` catches.
  [[noreturn]] void refuse(std::string reason);

  // Tokens from now on belong to `channel`, in a new segment (e.g. a fenced code block).
  void switch_channel(Channel channel);
  Channel channel() const { return channel_; }
  // Ends the current segment without changing channel (e.g. between two code blocks).
  void break_segment();

  // Tokens emitted so far; delimits the items a lexer may put in canonical order.
  std::uint32_t emitted() const { return static_cast<std::uint32_t>(out_.tokens.size()); }
  // Reorders consecutive items, item i being tokens [starts[i], starts[i + 1]) and the last one
  // ending at emitted(), by their keys (stable): for languages where the order of items carries
  // no meaning (Terraform blocks and attributes), so reordering them cannot hide a copy.
  void sort_items(std::span<const std::uint32_t> starts, std::span<const std::uint64_t> keys);

  // Text lexed while this object lives is not a view into the file (e.g. a notebook cell after
  // JSON unescaping): its tokens get line `first_line` + the line within `text`, and `offset`.
  class EmbeddedSource {
   public:
    EmbeddedSource(TokenSink& sink, std::string_view text, std::uint32_t first_line,
                   std::uint32_t offset);
    ~EmbeddedSource();
    EmbeddedSource(const EmbeddedSource&) = delete;
    EmbeddedSource& operator=(const EmbeddedSource&) = delete;

   private:
    TokenSink& sink_;
    std::string_view saved_text_;
    LineCounter saved_lines_;
    std::uint32_t saved_first_line_, saved_offset_;
    bool saved_embedded_;
  };

  TokenizedFile finish() &&;

  static std::uint64_t symbol_of(std::string_view form);
  static const std::uint64_t kIdentifierSymbol;
  static const std::uint64_t kNumberSymbol;
  static const std::uint64_t kStringSymbol;

 private:
  // False when `at` is not a view of the text being lexed (the token is dropped).
  bool emit(std::string_view at, std::uint64_t symbol);
  // Refuses the file past its token limit or deadline; emit() calls it at next_limit_check_.
  void check_limits();
  void note_literal(std::string_view at);
  // The last segment ends at the last token emitted; set when it closes, not at every token.
  void close_segment();

  TokenizedFile out_;
  LexLimits limits_;
  std::size_t next_limit_check_;  // tokens emitted when check_limits() must run next
  Channel channel_;
  std::string_view text_;           // what `at` views point into
  std::uint32_t first_line_ = 1;    // line of text_[0] in the file
  std::uint32_t base_offset_ = 0;   // offset reported for embedded sources
  bool embedded_ = false;
  LineCounter lines_;               // lines within text_
  std::string literal_content_;     // note_literal's scratch, kept to reuse its allocation
  // For sort_items: the literal at each token (or none), so a sort touches only its own range.
  // Built on the first sort and extended by the literals noted since.
  std::vector<std::uint32_t> literal_at_;
  std::size_t literals_mapped_ = 0;
};

// Inline: lexers call it once per token.
inline bool TokenSink::emit(std::string_view at, std::uint64_t symbol) {
  const auto* begin = text_.data();
  if (at.data() < begin || at.data() > begin + text_.size()) return false;
  if (out_.tokens.size() >= next_limit_check_) check_limits();
  const auto offset = static_cast<std::uint32_t>(at.data() - begin);
  const std::uint32_t file_offset = embedded_ ? base_offset_ : base_offset_ + offset;
  out_.tokens.push_back({symbol, file_offset, first_line_ + lines_.line_at(offset) - 1});
  return true;
}

// Thrown through a lexer by TokenSink when the file is refused; `tokenize` turns it into `refused`.
struct LexRefusal {
  std::string reason;
};

// A lexer for one language. It must accept any bytes (invalid UTF-8 has been replaced before).
using LexFunction = void (*)(std::string_view text, TokenSink& sink);

// One line per language lexer; each lives in src/lex/<language>.cpp.
void lex_python(std::string_view text, TokenSink& sink);
void lex_hcl(std::string_view text, TokenSink& sink);
void lex_yaml(std::string_view text, TokenSink& sink);
void lex_javascript(std::string_view text, TokenSink& sink);  // also TypeScript and JSON
void lex_html(std::string_view text, TokenSink& sink);        // with embedded scripts and styles
void lex_css(std::string_view text, TokenSink& sink);
void lex_sql(std::string_view text, TokenSink& sink);
void lex_shell(std::string_view text, TokenSink& sink);
void lex_dockerfile(std::string_view text, TokenSink& sink);
void lex_jupyter(std::string_view text, TokenSink& sink);     // code cells, lexed as Python
void lex_c_family(std::string_view text, TokenSink& sink);    // Java, C, C++, C#
void lex_markdown(std::string_view text, TokenSink& sink);    // prose; fenced code to `code`
void lex_plain_text(std::string_view text, TokenSink& sink);  // prose words
void lex_requirements(std::string_view text, TokenSink& sink);

// Lexes a whole file with `lex`, starting in `channel`. Past a limit, or refused by the lexer, the
// result has no tokens and says why.
TokenizedFile tokenize(std::string_view text, Channel channel, LexFunction lex,
                       const LexLimits& limits = {});

}  // namespace huella
