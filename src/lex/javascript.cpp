// JavaScript, TypeScript (JSX roughly) and JSON in the matching form.
//
// Semicolons vanish and a comma before a closing bracket vanishes, so automatic semicolon
// insertion and formatter habits do not show. A `/` starts a regex unless the previous token
// ends an operand. A template literal is one string token; its `${...}` expressions are lexed.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "huella/lex.h"
#include "scan.h"

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

constexpr scan::WordTable<1024> kKnownWords = {{kKeywords, kKeyword},
                                               {kOperandKeywords, kKeyword | kEndsOperand},
                                               {kGlobals, kGlobal},
                                               {kMembers, kMember}};

constexpr auto kNameStart = scan::kIdentifierStart | "$";
constexpr auto kNameChar = kNameStart | scan::kDigits;
// `0x1F`, `1_000n`, `1.5e-3`: a leading `0` and a name byte start a radix prefix.
constexpr scan::NumberSyntax kNumbers{kNameChar.ascii(), kNameStart, scan::kNoBytes};

// Characters that may continue a multi-character operator; others end it after one byte.
constexpr scan::ByteSet kOperatorContinuations("=<>&|?*+-.%^/");

std::size_t operator_length(std::string_view rest) {
  if (rest.size() < 2 || !kOperatorContinuations.contains(rest[1])) return 1;
  // `a?.5:b` is a conditional, not optional chaining.
  if (rest.starts_with("?.") && rest.size() > 2 && scan::is_digit(rest[2])) return 1;
  // Longest first, so that `>>>=` wins over `>>>` and `>>`.
  static constexpr std::string_view kLongOperators[] = {
      ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "?\?=",
      "=>",   "==",  "!=",  "<=",  ">=",  "&&",  "||",  "??",  "?.",  "++",  "--",
      "+=",   "-=",  "*=",  "/=",  "%=",  "&=",  "|=",  "^=",  "**",  "<<",  ">>"};
  return scan::operator_length(rest, kLongOperators);
}

class JavaScriptLexer : public scan::Scanner<JavaScriptLexer> {
 public:
  using Scanner::Scanner;

  void run() {
    if (text_.starts_with("#!")) skip_to_line_break();
    run_tokens();
  }

 private:
  friend Scanner;

  void token(char c) {
    if (c == '/' && peek(1) == '/') {
      skip_to_line_break();
    } else if (c == '/' && peek(1) == '*') {
      pos_ = scan::block_comment_end(text_, pos_);
    } else if (kNameStart.contains(c)) {
      word();
    } else if (scan::is_digit(c) || (c == '.' && scan::is_digit(peek(1)))) {
      number();
    } else if (c == '"' || c == '\'') {
      // Ends at the closing quote or, unterminated, before the line end.
      const auto begin = pos_;
      pos_ = scan::quoted_end(text_, pos_, scan::kLineBreaks);
      emit_string(begin);
    } else if (c == '`') {
      emit_string(pos_);
      ++pos_;
      template_chunk();
    } else if (c == '#' && kNameStart.contains(peek(1))) {
      private_name();
    } else if (c == '/' && regex_may_start_here()) {
      if (!regex()) punctuation();
    } else {
      punctuation();
    }
  }

  void emit_kept(std::string_view token) {
    comma_.release(token[0] == ')' || token[0] == ']' || token[0] == '}');
    sink_.keep(token);
  }

  void emit_string(std::size_t begin) {
    comma_.release(false);
    sink_.string_literal(text_.substr(begin, 1));
    operand_before_ = true;
    after_dot_ = false;
  }

  void word() {
    const auto begin = pos_;
    pos_ = scan::run_end(text_, pos_, kNameChar);
    const auto name = from(begin);
    const std::uint8_t flags = kKnownWords.flags(name);
    comma_.release(false);
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
    pos_ = scan::run_end(text_, pos_, kNameChar);
    comma_.release(false);
    sink_.identifier(from(begin));
    operand_before_ = true;
    after_dot_ = false;
  }

  // Decimal, hex, octal, binary, BigInt, exponents and `_` separators: all one number.
  void number() {
    const auto begin = pos_;
    pos_ = scan::number_end(text_, pos_, kNumbers);
    comma_.release(false);
    sink_.number(from(begin));
    operand_before_ = true;
    after_dot_ = false;
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
      if (scan::is_line_break(c)) break;
      if (c == '\\') {
        if (end + 1 < text_.size() && scan::is_line_break(text_[end + 1])) break;
        end += 2;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      if (c == '/' && !in_class) {
        ++end;
        end = scan::run_end(text_, end, kNameChar);
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
      comma_.hold(op);
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

  scan::HeldComma comma_{sink_};
  bool operand_before_ = false;      // the previous token ends an operand: `/` divides
  bool after_dot_ = false;           // the previous token is `.` or `?.`: a name is a property
  std::size_t no_regex_before_ = 0;  // end of a line where a regex scan failed
  int brace_depth_ = 0;
  std::vector<int> open_substitutions_;  // brace depth at each open `${`
};

}  // namespace

void lex_javascript(std::string_view text, TokenSink& sink) { JavaScriptLexer(text, sink).run(); }

}  // namespace huella
