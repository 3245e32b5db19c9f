// JavaScript, TypeScript (JSX roughly) and JSON in the matching form.
//
// Semicolons vanish and a comma before a closing bracket vanishes, so automatic semicolon
// insertion and formatter habits do not show. A `/` starts a regex unless the previous token
// ends an operand. A template literal is one string token; its `${...}` expressions are lexed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "huella/lex.h"

namespace huella {
namespace {

enum WordFlag : std::uint8_t {
  kKeyword = 1,      // kept wherever it appears
  kEndsOperand = 2,  // a keyword after which `/` divides: this, null, true...
  kGlobal = 4,       // a well-known global, kept when not after `.`
  kMember = 8,       // a well-known method or property, kept after `.`
};

constexpr std::string_view kKeywords[] = {
    // JavaScript
    "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "export", "extends", "finally", "for", "function", "if",
    "import", "in", "instanceof", "let", "new", "of", "return", "static", "switch", "throw", "try",
    "typeof", "var", "void", "while", "with", "yield", "from", "as",
    // TypeScript
    "interface", "implements", "private", "protected", "public", "readonly", "abstract", "declare",
    "namespace", "keyof", "satisfies"};
// Keywords after which `/` divides.
constexpr std::string_view kOperandKeywords[] = {"this", "super", "null",
                                                 "true", "false", "undefined"};
// Well-known globals.
constexpr std::string_view kGlobals[] = {
    // browsers and Node
    "console", "document", "window", "globalThis", "Math", "JSON", "Number", "String", "Boolean",
    "Array", "Object", "Date", "Promise", "Map", "Set", "Symbol", "Error", "RegExp", "Intl",
    "fetch", "setInterval", "setTimeout", "clearInterval", "clearTimeout", "requestAnimationFrame",
    "parseInt", "parseFloat", "isNaN", "encodeURIComponent", "alert", "localStorage",
    "sessionStorage", "navigator", "location", "WebSocket", "EventSource", "URL", "URLSearchParams",
    "FormData", "require", "module", "exports", "process", "NaN", "Infinity",
    // Chart.js, Leaflet, d3, jQuery
    "Chart", "L", "d3", "$"};
// Well-known methods and properties, kept after `.`.
constexpr std::string_view kMembers[] = {
    // DOM and console
    "log", "error", "warn", "info", "getElementById", "querySelector", "querySelectorAll",
    "createElement", "appendChild", "removeChild", "addEventListener", "removeEventListener",
    "innerHTML", "innerText", "textContent", "value", "classList", "add", "remove", "toggle",
    "contains", "style", "setAttribute", "getAttribute", "dataset", "preventDefault", "target",
    // arrays, strings, numbers, objects
    "map", "filter", "reduce", "forEach", "find", "findIndex", "some", "every", "includes",
    "indexOf", "push", "pop", "shift", "unshift", "slice", "splice", "concat", "join", "split",
    "sort", "reverse", "length", "keys", "values", "entries", "assign", "stringify", "parse",
    "toFixed", "toString", "toLocaleString", "toLocaleDateString", "toLocaleTimeString",
    "toISOString", "getTime", "now", "floor", "ceil", "round", "max", "min", "abs", "random",
    "sqrt", "pow", "trim", "toUpperCase", "toLowerCase", "replace", "startsWith", "endsWith",
    "padStart", "prototype", "call", "apply", "bind",
    // promises and fetch
    "then", "json", "text", "ok", "status", "all", "resolve", "reject",
    // Chart.js, Leaflet, WebSocket
    "update", "destroy", "data", "datasets", "labels", "getContext", "setView", "addTo",
    "bindPopup", "tileLayer", "marker", "circleMarker", "circle", "polyline", "layerGroup",
    "geoJSON", "clearLayers", "fitBounds", "setLatLng", "send", "close", "onmessage", "onopen",
    "onerror"};

using WordTable = std::unordered_map<std::string_view, std::uint8_t>;

WordTable make_word_table() {
  WordTable table;
  for (auto word : kKeywords) table[word] |= kKeyword;
  for (auto word : kOperandKeywords) table[word] |= kKeyword | kEndsOperand;
  for (auto word : kGlobals) table[word] |= kGlobal;
  for (auto word : kMembers) table[word] |= kMember;
  return table;
}

// Built on first use, so lexing during another file's static initialization is safe.
const WordTable& known_words() {
  static const WordTable table = make_word_table();
  return table;
}

bool is_name_start(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26 || c == '_' || c == '$' || c >= 0x80;
}
bool is_digit(unsigned char c) { return static_cast<unsigned char>(c - '0') < 10; }
bool is_name_char(unsigned char c) { return is_name_start(c) || is_digit(c); }
// Layout and control bytes, NUL included, separate tokens and are otherwise ignored.
bool is_blank(unsigned char c) { return c <= ' ' || c == 0x7f; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// Characters that may continue a multi-character operator; others end it after one byte.
bool may_continue_operator(char c) {
  switch (c) {
    case '=':
    case '<':
    case '>':
    case '&':
    case '|':
    case '?':
    case '*':
    case '+':
    case '-':
    case '.':
    case '%':
    case '^':
    case '/':
      return true;
    default:
      return false;
  }
}

std::size_t operator_length(std::string_view rest) {
  if (rest.size() < 2 || !may_continue_operator(rest[1])) return 1;
  // Longest first, so that `>>>=` wins over `>>>` and `>>`.
  static constexpr std::string_view kLongOperators[] = {
      ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "?\?=",
      "=>",   "==",  "!=",  "<=",  ">=",  "&&",  "||",  "??",  "?.",  "++",  "--",
      "+=",   "-=",  "*=",  "/=",  "%=",  "&=",  "|=",  "^=",  "**",  "<<",  ">>"};
  for (auto op : kLongOperators)
    if (rest.starts_with(op)) {
      // `a?.5:b` is a conditional, not optional chaining.
      if (op == "?." && rest.size() > 2 && is_digit(rest[2])) return 1;
      return op.size();
    }
  return 1;
}

class JavaScriptLexer {
 public:
  JavaScriptLexer(std::string_view text, TokenSink& sink) : text_(text), sink_(sink) {}

  void run() {
    if (text_.starts_with("#!")) skip_line();
    while (pos_ < text_.size()) step();
  }

 private:
  void step() {
    const auto c = static_cast<unsigned char>(text_[pos_]);
    if (is_blank(c)) {
      while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
    } else if (c == '/' && peek(1) == '/') {
      skip_line();
    } else if (c == '/' && peek(1) == '*') {
      skip_block_comment();
    } else if (is_name_start(c)) {
      word();
    } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
      number();
    } else if (c == '"' || c == '\'') {
      quoted_string(c);
    } else if (c == '`') {
      emit_string(pos_);
      ++pos_;
      template_chunk();
    } else if (c == '#' && is_name_start(peek(1))) {
      private_name();
    } else if (c == '/' && regex_may_start_here()) {
      if (!regex()) punctuation();
    } else {
      punctuation();
    }
  }

  unsigned char peek(std::size_t ahead) const {
    return pos_ + ahead < text_.size() ? static_cast<unsigned char>(text_[pos_ + ahead]) : 0;
  }
  std::string_view from(std::size_t begin) const { return text_.substr(begin, pos_ - begin); }

  void skip_line() {
    while (pos_ < text_.size() && !is_line_end(text_[pos_])) ++pos_;
  }

  void skip_block_comment() {
    const auto end = text_.find("*/", pos_ + 2);
    pos_ = end == std::string_view::npos ? text_.size() : end + 2;
  }

  // A comma waits for the next token: before `)`, `]` or `}` it is a trailing comma and vanishes.
  void flush_comma(bool before_closer) {
    if (pending_comma_ == kNone) return;
    if (!before_closer) sink_.keep(text_.substr(pending_comma_, 1));
    pending_comma_ = kNone;
  }

  void emit_kept(std::string_view at) {
    flush_comma(at[0] == ')' || at[0] == ']' || at[0] == '}');
    sink_.keep(at);
  }

  void emit_string(std::size_t begin) {
    flush_comma(false);
    sink_.string_literal(text_.substr(begin, 1));
    operand_before_ = true;
    after_dot_ = false;
  }

  void word() {
    const auto begin = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    const auto name = from(begin);
    const auto& words = known_words();
    const auto found = words.find(name);
    const std::uint8_t flags = found == words.end() ? 0 : found->second;
    flush_comma(false);
    if (flags & kKeyword) {
      sink_.keep(name);
      // After `.` every name is a property, so a following `/` divides.
      operand_before_ = after_dot_ || (flags & kEndsOperand);
    } else {
      const std::uint8_t builtin = after_dot_ ? (kMember | kGlobal) : kGlobal;
      if (flags & builtin)
        sink_.keep(name);
      else
        sink_.identifier(name);
      operand_before_ = true;
    }
    after_dot_ = false;
  }

  void private_name() {
    const auto begin = pos_++;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    flush_comma(false);
    sink_.identifier(from(begin));
    operand_before_ = true;
    after_dot_ = false;
  }

  // Decimal, hex, octal, binary, BigInt, exponents and `_` separators: all one number.
  void number() {
    const auto begin = pos_;
    const bool radix_prefix = text_[pos_] == '0' && is_name_start(peek(1));
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (is_name_char(c) && c < 0x80) {
        ++pos_;
        if (!radix_prefix && (c | 0x20) == 'e' && (peek(0) == '+' || peek(0) == '-')) ++pos_;
      } else if (c == '.' && is_digit(peek(1))) {
        ++pos_;
      } else {
        break;
      }
    }
    flush_comma(false);
    sink_.number(from(begin));
    operand_before_ = true;
    after_dot_ = false;
  }

  // Ends at the closing quote or, unterminated, before the line end.
  void quoted_string(char quote) {
    const auto begin = pos_++;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        break;
      }
      if (is_line_end(c)) break;
      pos_ += c == '\\' ? 2 : 1;
    }
    pos_ = std::min(pos_, text_.size());
    emit_string(begin);
  }

  // Scans literal text up to the closing backtick or a `${`, whose expression is then lexed.
  void template_chunk() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '`') {
        ++pos_;
        operand_before_ = true;
        return;
      }
      if (c == '$' && peek(1) == '{') {
        emit_kept(text_.substr(pos_, 2));
        pos_ += 2;
        open_substitutions_.push_back(brace_depth_);
        operand_before_ = false;
        after_dot_ = false;
        return;
      }
      pos_ += c == '\\' ? 2 : 1;
    }
    pos_ = text_.size();
  }

  bool regex_may_start_here() const {
    // `</` is a JSX closing tag, never `<` followed by a regex.
    return !operand_before_ && pos_ >= no_regex_before_ && !(pos_ > 0 && text_[pos_ - 1] == '<');
  }

  // A regex runs to an unescaped `/` outside a class on the same line; flags follow.
  bool regex() {
    auto end = pos_ + 1;
    bool in_class = false;
    while (end < text_.size()) {
      const char c = text_[end];
      if (is_line_end(c)) break;
      if (c == '\\') {
        if (end + 1 < text_.size() && is_line_end(text_[end + 1])) break;
        end += 2;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      if (c == '/' && !in_class) {
        ++end;
        while (end < text_.size() && is_name_char(text_[end])) ++end;
        emit_string(pos_);
        pos_ = end;
        return true;
      }
      ++end;
    }
    // No regex ends before this line does, so later `/`s on it need not rescan.
    no_regex_before_ = end;
    return false;
  }

  void punctuation() {
    const auto begin = pos_;
    pos_ += operator_length(text_.substr(pos_));
    const auto op = from(begin);
    const char c = op[0];
    if (op == ";") {
      operand_before_ = false;
      return;
    }
    if (op == ",") {
      flush_comma(false);
      pending_comma_ = begin;
      operand_before_ = false;
      after_dot_ = false;
      return;
    }
    if (c == '}' && !open_substitutions_.empty() && open_substitutions_.back() == brace_depth_) {
      emit_kept(op);
      open_substitutions_.pop_back();
      template_chunk();
      return;
    }
    if (c == '{') ++brace_depth_;
    if (c == '}' && brace_depth_ > 0) --brace_depth_;
    emit_kept(op);
    after_dot_ = op == "." || op == "?.";
    operand_before_ = c == ')' || c == ']' || c == '}' || op == "++" || op == "--";
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string_view text_;
  TokenSink& sink_;
  std::size_t pos_ = 0;
  bool operand_before_ = false;        // the previous token ends an operand: `/` divides
  bool after_dot_ = false;             // the previous token is `.` or `?.`: a name is a property
  std::size_t pending_comma_ = kNone;  // offset of a comma not yet emitted
  std::size_t no_regex_before_ = 0;    // end of a line where a regex scan failed
  int brace_depth_ = 0;
  std::vector<int> open_substitutions_;  // brace depth at each open `${`
};

}  // namespace

void lex_javascript(std::string_view text, TokenSink& sink) { JavaScriptLexer(text, sink).run(); }

}  // namespace huella
