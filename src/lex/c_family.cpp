// Java, C, C++, C#, Go, Kotlin and Scala in the matching form, over the union of their keywords.
//
// Preprocessor directive names are kept and an `#include` target is one string. Semicolons vanish
// (Go, Kotlin and Scala make them optional) and so does a comma before a closing bracket.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

enum WordFlag : std::uint8_t {
  kKeyword = 1,  // kept wherever it appears
  kGlobal = 2,   // a well-known type or function, kept when not after an accessor
  kMember = 4,   // a well-known method or field, kept after `.`, `->` or `::`
};

// The union of the keywords. Soft keywords that are common variable names elsewhere (map,
// record, value, data, get, set, event, lock, base, out) are left out: renaming such a variable
// must not change the symbols.
constexpr std::string_view kKeywords[] = {
    // C and C++
    "alignas", "alignof", "asm", "auto", "bool", "break", "case", "catch", "char", "class",
    "concept", "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
    "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "false", "final", "float", "for", "friend",
    "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "nullptr",
    "operator", "override", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "restrict", "return", "short", "signed", "sizeof", "static", "static_assert",
    "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true", "try",
    "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
    "wchar_t", "while", "NULL",
    // Java
    "abstract", "assert", "boolean", "byte", "extends", "finally", "implements", "import",
    "instanceof", "interface", "native", "package", "strictfp", "super", "synchronized", "throws",
    "transient", "var", "yield", "permits", "sealed", "null",
    // C#
    "as", "checked", "decimal", "delegate", "foreach", "implicit", "in", "internal", "is", "object",
    "params", "readonly", "ref", "sbyte", "stackalloc", "string", "uint", "ulong", "unchecked",
    "unsafe", "ushort", "async", "await", "nameof",
    // Go
    "chan", "defer", "fallthrough", "func", "go", "range", "select", "type", "nil", "iota",
    // Kotlin
    "fun", "val", "when", "companion", "typealias", "lateinit", "suspend", "vararg",
    // Scala
    "def", "trait", "match", "lazy", "with", "given", "then"};
// Well-known types and functions.
constexpr std::string_view kGlobals[] = {
    // Java and Kotlin
    "System", "String", "Math", "Integer", "Long", "Double", "Float", "Boolean", "Character",
    "Object", "List", "ArrayList", "LinkedList", "Map", "HashMap", "TreeMap", "Set", "HashSet",
    "Arrays", "Collections", "Scanner", "Optional", "Thread", "Exception", "RuntimeException",
    "IOException", "IllegalArgumentException", "Properties", "Duration", "Unit", "println", "print",
    "listOf", "mutableListOf", "mapOf",
    // Kafka clients
    "KafkaProducer", "KafkaConsumer", "ProducerRecord", "ConsumerRecord", "ConsumerRecords",
    // C and C++
    "std", "cout", "cin", "cerr", "endl", "vector", "printf", "scanf", "puts", "malloc", "calloc",
    "realloc", "free", "strlen", "strcmp", "strcpy", "memcpy", "memset",
    // Go and C#
    "fmt", "make", "len", "cap", "append", "Console"};
// Well-known methods and fields, kept after an accessor.
constexpr std::string_view kMembers[] = {
    // printing and strings
    "out", "err", "println", "print", "printf", "format", "Println", "Printf", "Sprintf", "Errorf",
    "WriteLine", "Write", "ReadLine", "nextInt", "nextLine", "nextDouble", "hasNext", "length",
    "equals", "hashCode", "toString", "valueOf", "parseInt", "parseDouble", "charAt", "substring",
    "split", "trim", "toUpperCase", "toLowerCase", "append", "c_str",
    // collections and streams
    "size", "get", "put", "add", "remove", "contains", "containsKey", "isEmpty", "stream", "map",
    "filter", "collect", "forEach", "sorted", "push_back", "pop_back", "emplace_back", "begin",
    "end", "find", "insert", "erase", "asList", "of",
    // Kafka clients
    "close", "send", "poll", "subscribe", "flush", "key", "value", "topic", "partition", "offset",
    "getProperty", "setProperty"};

constexpr scan::WordTable<1024> kKnownWords = {
    {kKeywords, kKeyword}, {kGlobals, kGlobal}, {kMembers, kMember}};

constexpr auto kNameStart = scan::kIdentifierStart | "$";
constexpr auto kNameChar = kNameStart | scan::kDigits;
// `0x1F`, `10L`, `1.5e-3f`, `1'000'000`: a leading `0` and a name byte start a radix prefix.
constexpr scan::NumberSyntax kNumbers{kNameChar.ascii(), kNameStart, kNameChar};
constexpr scan::ByteSet kSpaceOrTab(" \t");

bool is_closer(char c) { return c == ')' || c == ']' || c == '}'; }

// Characters that may continue a multi-character operator; others end it after one byte.
constexpr scan::ByteSet kOperatorContinuations("=<>&|:.-+*/%^!?");

std::size_t operator_length(std::string_view rest) {
  if (rest.size() < 2 || !kOperatorContinuations.contains(rest[1])) return 1;
  // `a?.5:b` is a conditional, not a safe call.
  if (rest.starts_with("?.") && rest.size() > 2 && scan::is_digit(rest[2])) return 1;
  // Longest first, so that `>>>=` wins over `>>>` and `>>`.
  static constexpr std::string_view kLongOperators[] = {
      ">>>=", "<<=", ">>=", ">>>", "<=>", "...", "->*", "&^=", "::", "->", "++", "--",
      "<<",   ">>",  "&&",  "||",  "==",  "!=",  "<=",  ">=",  "+=", "-=", "*=", "/=",
      "%=",   "&=",  "|=",  "^=",  "=>",  ":=",  "?.",  "?:",  "!!", "..", "&^"};
  return scan::operator_length(rest, kLongOperators);
}

// C and C++ string prefixes (L"", u8"") and Scala interpolators (s"", f""): part of the string.
bool is_string_prefix(std::string_view word) {
  return word == "L" || word == "u" || word == "U" || word == "u8" || word == "s" || word == "f";
}
bool is_raw_string_prefix(std::string_view word) {
  return word == "R" || word == "LR" || word == "uR" || word == "UR" || word == "u8R";
}

class CFamilyLexer : public scan::Scanner<CFamilyLexer> {
 public:
  using Scanner::Scanner;

 private:
  friend Scanner;

  // Layout; after a newline in it, `#` starts a directive.
  void skip_layout() {
    for (; pos_ < text_.size() && scan::is_blank_or_control(text_[pos_]); ++pos_)
      if (text_[pos_] == '\n') at_line_start_ = true;
  }

  void token(char c) {
    if (c == '/' && peek(1) == '/') {
      skip_to_line_break();
    } else if (c == '/' && peek(1) == '*') {
      pos_ = scan::block_comment_end(text_, pos_);
    } else if (c == '#' && at_line_start_) {
      directive();
    } else if ((c == '$' || c == '@') && csharp_quote() != kNone) {
      csharp_string();
    } else if (c == '@' && kNameStart.contains(peek(1))) {
      annotation();
    } else if (kNameStart.contains(c)) {
      word();
    } else if (scan::is_digit(c) || (c == '.' && scan::is_digit(peek(1)))) {
      number();
    } else if (c == '"') {
      string_at(pos_, pos_);
    } else if (c == '\'') {
      const auto begin = pos_;
      pos_ = scan::quoted_end(text_, pos_, scan::kLineBreaks);
      emit_string(text_.substr(begin, 1));
    } else if (c == '`') {
      // Go raw strings, which may span lines; Kotlin and Scala `quoted names` count as strings too.
      const auto begin = pos_;
      pos_ = scan::past_next(text_, pos_ + 1, "`");
      emit_string(text_.substr(begin, 1));
    } else {
      punctuation();
    }
    at_line_start_ = false;
  }

  void emit_string(std::string_view literal) {
    comma_.release(false);
    sink_.string_literal(literal);
    after_accessor_ = false;
  }

  // `#include <x.h>`, `# define`, `#pragma once`, `#region`: the directive name is kept.
  void directive() {
    const auto hash = pos_++;
    pos_ = scan::run_end(text_, pos_, kSpaceOrTab);
    const auto name_begin = pos_;
    pos_ = scan::run_end(text_, pos_, scan::kAsciiLetters);
    const auto name = from(name_begin);
    char form[32] = "#";
    if (name.size() >= sizeof form) {
      pos_ = name_begin;
      comma_.release(false);
      sink_.keep(text_.substr(hash, 1));
      return;
    }
    std::copy(name.begin(), name.end(), form + 1);
    comma_.release(false);
    sink_.keep_as(from(hash), std::string_view(form, name.size() + 1));
    if (name == "include" || name == "import") include_target();
  }

  // The rest of the line up to a comment, trimmed, is the included file.
  void include_target() {
    pos_ = scan::run_end(text_, pos_, kSpaceOrTab);
    const auto begin = pos_;
    auto end = begin;
    while (end < text_.size() && !scan::is_line_break(text_[end]) &&
           !(text_[end] == '/' && end + 1 < text_.size() &&
             (text_[end + 1] == '/' || text_[end + 1] == '*')))
      ++end;
    pos_ = end;
    while (end > begin && scan::is_blank_or_control(text_[end - 1])) --end;
    if (end > begin) emit_string(text_.substr(begin, end - begin));
  }

  void word() {
    const auto begin = pos_;
    pos_ = scan::run_end(text_, pos_, kNameChar);
    const auto name = from(begin);
    if (peek(0) == '"' && is_raw_string_prefix(name)) return raw_string(begin);
    if ((peek(0) == '"' || peek(0) == '\'') && is_string_prefix(name)) {
      if (peek(0) == '"') return string_at(begin, pos_);
      pos_ = scan::quoted_end(text_, pos_, scan::kLineBreaks);
      return emit_string(text_.substr(begin, 1));
    }
    const std::uint8_t flags = kKnownWords.flags(name);
    const std::uint8_t kept = kKeyword | (after_accessor_ ? kMember | kGlobal : kGlobal);
    comma_.release(false);
    if (flags & kept)
      sink_.keep(name);
    else
      sink_.identifier(name);
    after_accessor_ = false;
  }

  // Java and Kotlin annotations name framework types, so `@Override` is kept whole.
  void annotation() {
    const auto begin = pos_++;
    pos_ = scan::run_end(text_, pos_, kNameChar);
    comma_.release(false);
    sink_.keep(from(begin));
    after_accessor_ = false;
  }

  // Decimal, hex, binary, octal, suffixes, exponents and `_` or `'` separators: all one number.
  void number() {
    const auto begin = pos_;
    pos_ = scan::number_end(text_, pos_, kNumbers);
    comma_.release(false);
    sink_.number(from(begin));
    after_accessor_ = false;
  }

  // A string whose token starts at `begin` (a prefix, if any) and whose quote is at `quote`.
  void string_at(std::size_t begin, std::size_t quote) {
    if (text_.substr(quote, 3) == R"(""")") {
      // Java, Kotlin and Scala text blocks, C# raw strings: may span lines.
      auto i = quote + 3;
      while (i < text_.size() && text_.substr(i, 3) != R"(""")") i += text_[i] == '\\' ? 2 : 1;
      pos_ = std::min(i + 3, text_.size());
    } else {
      // One line; unterminated, the line end (escapes may cross it).
      pos_ = scan::quoted_end(text_, quote, scan::kLineBreaks);
    }
    emit_string(text_.substr(begin, 1));
  }

  // C++ `R"tag( ... )tag"`: no escapes, ends at `)` followed by the same tag and a quote.
  void raw_string(std::size_t begin) {
    // The tag is at most 16 characters, so the search for `(` stays short.
    const auto open_in_tag = text_.substr(pos_ + 1, 17).find('(');
    if (open_in_tag == std::string_view::npos) return string_at(begin, pos_);
    const auto open = pos_ + 1 + open_in_tag;
    const auto tag_size = open_in_tag;
    const auto tag = text_.substr(pos_ + 1, tag_size);
    auto close = text_.find(')', open + 1);
    while (close != std::string_view::npos &&
           !(text_.substr(close + 1, tag_size) == tag && close + 1 + tag_size < text_.size() &&
             text_[close + 1 + tag_size] == '"'))
      close = text_.find(')', close + 1);
    pos_ = close == std::string_view::npos ? text_.size() : close + tag_size + 2;
    emit_string(text_.substr(begin, 1));
  }

  // Where the quote of a C# `@"..."`, `$"..."`, `$@"..."` or `@$"..."` is, or kNone.
  std::size_t csharp_quote() const {
    auto quote = pos_ + 1;
    if ((peek(1) == '@' || peek(1) == '$') && peek(1) != peek(0)) ++quote;
    return quote < text_.size() && text_[quote] == '"' ? quote : kNone;
  }

  // Verbatim strings (with `@`) may span lines and escape a quote by doubling it.
  void csharp_string() {
    const auto begin = pos_;
    const auto quote = csharp_quote();
    if (text_.substr(begin, quote - begin).find('@') == std::string_view::npos)
      return string_at(begin, quote);
    pos_ = scan::doubled_quote_end(text_, quote);
    emit_string(text_.substr(begin, 1));
  }

  void punctuation() {
    const auto begin = pos_;
    pos_ += operator_length(text_.substr(pos_));
    const auto op = from(begin);
    if (op == ";") return;
    if (op == ",") {
      comma_.hold(op);
      after_accessor_ = false;
      return;
    }
    comma_.release(is_closer(op[0]));
    sink_.keep(op);
    after_accessor_ = op == "." || op == "->" || op == "::" || op == "?.";
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  scan::HeldComma comma_{sink_};
  bool at_line_start_ = true;    // no token yet on this line: `#` starts a directive
  bool after_accessor_ = false;  // the previous token is `.`, `->`, `::` or `?.`
};

}  // namespace

void lex_c_family(std::string_view text, TokenSink& sink) { CFamilyLexer(text, sink).run_tokens(); }

}  // namespace huella
