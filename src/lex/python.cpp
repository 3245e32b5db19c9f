// Python lexer: one pass over the bytes, a class table per byte, a static table for kept words.
//
// Names the student chose collapse to the identifier symbol; keywords, builtins, common
// exceptions and dunder names are kept. Comments, layout and docstrings (a string literal that
// is a whole statement) vanish. Strings with any prefix (f, r, b, rb...) and triple quotes are one
// token; f-string replacement fields may hold nested quotes (Python 3.12).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

enum class ByteClass : std::uint8_t {
  other,
  space,
  newline,
  word,  // letters, '_', and every byte >= 0x80 (non-ASCII names such as `año`)
  digit,
  quote,
  hash,
  backslash,
  punctuation,
};

constexpr std::array<ByteClass, 256> make_byte_classes() {
  std::array<ByteClass, 256> classes{};  // control bytes stay `other`
  const auto set = [&](unsigned char c, ByteClass k) { classes[c] = k; };
  for (int c = '!'; c < 0x7f; ++c) set(static_cast<unsigned char>(c), ByteClass::punctuation);
  for (int c = 'a'; c <= 'z'; ++c) {
    set(static_cast<unsigned char>(c), ByteClass::word);
    set(static_cast<unsigned char>(c - 'a' + 'A'), ByteClass::word);
  }
  for (int c = 0x80; c < 0x100; ++c) set(static_cast<unsigned char>(c), ByteClass::word);
  for (int c = '0'; c <= '9'; ++c) set(static_cast<unsigned char>(c), ByteClass::digit);
  for (char c : {' ', '\t', '\r', '\f', '\v'}) set(static_cast<unsigned char>(c), ByteClass::space);
  set('_', ByteClass::word);
  set('\n', ByteClass::newline);
  set('"', ByteClass::quote);
  set('\'', ByteClass::quote);
  set('#', ByteClass::hash);
  set('\\', ByteClass::backslash);
  return classes;
}

constexpr auto kByteClasses = make_byte_classes();

ByteClass class_of(char c) { return kByteClasses[static_cast<unsigned char>(c)]; }

// Keywords, soft keywords, builtins and common exceptions: library vocabulary, not the student's.
// clang-format off
constexpr std::string_view kKeptWords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield", "match", "case", "type",
    // builtins
    "print", "len", "range", "open", "dict", "list", "str", "int", "float", "bool", "set",
    "tuple", "frozenset", "bytes", "bytearray", "complex", "enumerate", "zip", "sorted",
    "reversed", "isinstance", "issubclass", "super", "object", "abs", "min", "max", "sum", "any",
    "all", "map", "filter", "input", "repr", "hash", "id", "iter", "next", "round", "getattr",
    "setattr", "hasattr", "delattr", "callable", "format", "chr", "ord", "hex", "bin", "oct",
    "divmod", "pow", "vars", "globals", "locals", "dir", "exec", "eval", "compile", "property",
    "staticmethod", "classmethod", "slice", "memoryview", "ascii", "breakpoint", "help",
    "NotImplemented", "Ellipsis",
    // exceptions
    "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError",
    "ConnectionError", "EOFError", "FileExistsError", "FileNotFoundError", "ImportError",
    "IndexError", "IOError", "KeyboardInterrupt", "KeyError", "LookupError", "MemoryError",
    "ModuleNotFoundError", "NameError", "NotImplementedError", "OSError", "OverflowError",
    "PermissionError", "RecursionError", "RuntimeError", "StopIteration", "SyntaxError",
    "SystemExit", "TimeoutError", "TypeError", "UnicodeDecodeError", "UnicodeEncodeError",
    "ValueError", "ZeroDivisionError",
};
// clang-format on

constexpr scan::WordTable<1024> kKeptTable = {{kKeptWords, 1}};

// Only `0x` makes `e` a digit rather than an exponent.
constexpr scan::NumberSyntax kNumbers{scan::kAsciiLetters | scan::kDigits | "_.",
                                      scan::ByteSet("xX"), scan::kNoBytes};

// `__init__`, `__name__`: protocol names fixed by the language.
bool is_dunder(std::string_view word) {
  return word.size() > 4 && word.substr(0, 2) == "__" && word.substr(word.size() - 2) == "__";
}

struct StringPrefix {
  bool valid;
  bool formatted;  // f or t: `{...}` holds expressions
};

StringPrefix string_prefix(std::string_view word) {
  bool raw = false, bytes = false, formatted = false, unicode = false;
  if (word.size() > 2) return {false, false};
  for (char c : word) {
    switch (c | 0x20) {
      case 'r':
        if (raw) return {false, false};
        raw = true;
        break;
      case 'b':
        if (bytes) return {false, false};
        bytes = true;
        break;
      case 'f':
      case 't':
        if (formatted) return {false, false};
        formatted = true;
        break;
      case 'u':
        unicode = true;
        break;
      default:
        return {false, false};
    }
  }
  const bool combined = (bytes && formatted) || (unicode && word.size() > 1);
  return {!combined, formatted};
}

// The bytes string_end() must look at outside a replacement field.
constexpr scan::ByteSet kStringStops("\\\n\"'{");

constexpr int kMaxStringNesting = 16;  // nested f-strings deeper than this are not followed

class PythonLexer : public scan::Scanner<PythonLexer> {
 public:
  using Scanner::Scanner;

  void run() {
    const std::size_t n = text_.size();
    while (pos_ < n) {
      switch (class_of(text_[pos_])) {
        case ByteClass::space:  // indentation comes in runs: skip them without the switch
          do ++pos_;
          while (pos_ < n && text_[pos_] == ' ');
          break;
        case ByteClass::other:
          ++pos_;
          break;
        case ByteClass::newline:
          ++pos_;
          if (bracket_depth_ == 0) statement_start_ = true;
          break;
        case ByteClass::hash:
          skip_to_newline();
          break;
        case ByteClass::backslash:
          skip_continuation();
          break;
        case ByteClass::word:
          lex_word();
          break;
        case ByteClass::digit:
          lex_number();
          break;
        case ByteClass::quote:
          lex_string(pos_, pos_, false);
          break;
        case ByteClass::punctuation:
          lex_punctuation();
          break;
      }
    }
  }

 private:
  // A backslash before a line break joins lines: layout, and the statement goes on.
  void skip_continuation() {
    ++pos_;
    if (at(pos_) == '\r') ++pos_;
    if (at(pos_) == '\n') ++pos_;
  }

  void lex_word() {
    const std::size_t begin = pos_;
    pos_ = scan::identifier_end(text_, pos_);
    const auto word = text_.substr(begin, pos_ - begin);
    if (class_of(at(pos_)) == ByteClass::quote) {
      if (const auto prefix = string_prefix(word); prefix.valid) {
        lex_string(begin, pos_, prefix.formatted);
        return;
      }
    }
    if (kKeptTable.contains(word) || is_dunder(word))
      sink_.keep(word);
    else
      sink_.identifier(word);
    statement_start_ = false;
  }

  // Digits, '_', '.', radix prefixes, exponents with their sign, and the `j` suffix.
  void lex_number() {
    const std::size_t begin = pos_;
    pos_ = scan::number_end(text_, pos_, kNumbers);
    sink_.number(text_.substr(begin, pos_ - begin));
    statement_start_ = false;
  }

  void lex_string(std::size_t begin, std::size_t quote, bool formatted) {
    const std::size_t end = string_end(quote, formatted, 0);
    if (!(statement_start_ && ends_statement(end)))
      sink_.string_literal(text_.substr(begin, end - begin));
    pos_ = end;
    statement_start_ = false;
  }

  // True when only spaces or a comment follow `pos` on its line: the string was a statement.
  bool ends_statement(std::size_t pos) const {
    while (pos < text_.size() && class_of(text_[pos]) == ByteClass::space) ++pos;
    return pos == text_.size() || text_[pos] == '\n' || text_[pos] == '#' || text_[pos] == ';';
  }

  // One past the closing quote; an unterminated one-line string ends at its line's end.
  std::size_t string_end(std::size_t quote_pos, bool formatted, int nesting) const {
    const std::size_t n = text_.size();
    const char quote = text_[quote_pos];
    const bool triple = at(quote_pos + 1) == quote && at(quote_pos + 2) == quote;
    std::size_t i = quote_pos + (triple ? 3 : 1);
    int field_depth = 0;  // nesting of `{...}` replacement fields in an f-string
    while (i < n) {
      // Outside replacement fields most bytes neither end the string nor escape: skip them.
      if (field_depth == 0) {
        i = scan::next_of(text_, i, kStringStops);
        if (i == n) break;
      }
      const char c = text_[i];
      if (c == '\\') {  // an escape; in raw strings a backslash still protects the quote
        i += 2;
        continue;
      }
      if (c == '\n' && !triple) return i;
      if (field_depth > 0) {
        if (c == '{')
          ++field_depth;
        else if (c == '}')
          --field_depth;
        else if ((c == '"' || c == '\'') && nesting < kMaxStringNesting) {
          i = string_end(i, false, nesting + 1);
          continue;
        }
        ++i;
        continue;
      }
      if (c == quote && (!triple || (at(i + 1) == quote && at(i + 2) == quote)))
        return i + (triple ? 3 : 1);
      if (formatted && c == '{') {
        if (at(i + 1) == '{')
          ++i;  // `{{` is a literal brace
        else
          field_depth = 1;
      }
      ++i;
    }
    return n;
  }

  void lex_punctuation() {
    const char c = text_[pos_];
    const char next = at(pos_ + 1);
    std::size_t length = 1;
    switch (c) {
      case '(':
      case '[':
      case '{':
        ++bracket_depth_;
        break;
      case ')':
      case ']':
      case '}':
        if (bracket_depth_ > 0) --bracket_depth_;
        break;
      case '.':
        if (next >= '0' && next <= '9') {
          lex_number();
          return;
        }
        if (next == '.' && at(pos_ + 2) == '.') length = 3;
        break;
      case '*':
      case '/':
      case '<':
      case '>':  // ** // << >> and their augmented forms, <= >=
        if (next == c)
          length = at(pos_ + 2) == '=' ? 3 : 2;
        else if (next == '=' || (c == '<' && next == '>'))
          length = 2;
        break;
      case '-':
        if (next == '>' || next == '=') length = 2;
        break;
      case '+':
      case '%':
      case '&':
      case '|':
      case '^':
      case '@':
      case '=':
      case '!':
      case ':':
        if (next == '=') length = 2;
        break;
      default:
        break;
    }
    sink_.keep(text_.substr(pos_, length));
    pos_ += length;
    statement_start_ = c == ';' && bracket_depth_ == 0;
  }

  std::size_t bracket_depth_ = 0;  // newlines inside brackets do not end a statement
  bool statement_start_ = true;    // a string here may be a docstring
};

}  // namespace

void lex_python(std::string_view text, TokenSink& sink) { PythonLexer(text, sink).run(); }

}  // namespace huella
