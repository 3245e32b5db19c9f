// HTML (and Vue or Svelte components, roughly) in the matching form.
//
// Tags are kept lower-cased as `<div` and `</div`, attribute names lower-cased, attribute values
// as strings. Visible text is prose: its words are kept lower-cased, since a copied dashboard
// shows the same text. Scripts and event handlers (onclick, @click, v-if...) are lexed as
// JavaScript, styles and style attributes as CSS, on views of the same text so that offsets and
// lines stay right. A script whose type is data (JSON, templates) is one string. Comments and
// doctypes vanish.
#include <algorithm>
#include <cstddef>
#include <string_view>

#include "huella/lex.h"
#include "prose_words.h"
#include "scan.h"

namespace huella {
namespace {

constexpr auto kAlphanumerics = scan::kAsciiLetters | scan::kDigits;
// Tag and attribute names run to a blank, a `/` or a `>`; attribute names to a `=` too.
constexpr auto kNameEnds = scan::kBlankOrControl | "/>";
constexpr auto kAttributeNameEnds = kNameEnds | "=";
constexpr auto kUnquotedValueEnds = scan::kBlankOrControl | ">";

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  return std::search(text.begin(), text.end(), part.begin(), part.end(),
                     [](char x, char y) { return ascii_lower(x) == ascii_lower(y); }) != text.end();
}

// A tag or attribute name's matching form: `prefix` then the name lower-cased, in a stack buffer.
class NameForm {
 public:
  // False when the name is too long to be a real one.
  bool assign(std::string_view prefix, std::string_view name) {
    if (prefix.size() + name.size() > sizeof buffer_) return false;
    std::copy(prefix.begin(), prefix.end(), buffer_);
    std::transform(name.begin(), name.end(), buffer_ + prefix.size(), ascii_lower);
    size_ = prefix.size() + name.size();
    return true;
  }
  std::string_view view() const { return {buffer_, size_}; }

 private:
  char buffer_[64];
  std::size_t size_ = 0;
};

// Attributes whose value is code: onclick, Vue's @click, :prop, v-if, Alpine's x-on:click.
bool is_script_attribute(std::string_view lowered) {
  return (lowered.starts_with("on") && lowered.size() > 2) || lowered.starts_with("@") ||
         lowered.starts_with(":") || lowered.starts_with("v-") || lowered.starts_with("x-");
}

// Script types that are JavaScript; anything else (application/json, text/template) is data.
bool is_javascript_type(std::string_view type) {
  return type.empty() || equals_ignoring_case(type, "module") ||
         contains_ignoring_case(type, "javascript") || contains_ignoring_case(type, "ecmascript") ||
         contains_ignoring_case(type, "babel") || contains_ignoring_case(type, "jsx") ||
         contains_ignoring_case(type, "typescript");
}

class HtmlLexer : public scan::Scanner<HtmlLexer> {
 public:
  using Scanner::Scanner;

  void run() {
    while (pos_ < text_.size()) {
      if (text_.substr(pos_, 4) == "<!--") {
        pos_ = scan::past_next(text_, pos_ + 4, "-->");
      } else if (text_[pos_] == '<' && (peek(1) == '!' || peek(1) == '?')) {
        pos_ = scan::past_next(text_, pos_ + 2, ">");
      } else if (text_[pos_] == '<' && scan::is_ascii_letter(peek(1))) {
        start_tag();
      } else if (text_[pos_] == '<' && peek(1) == '/' && scan::is_ascii_letter(peek(2))) {
        end_tag();
      } else {
        text_run();
      }
    }
  }

 private:
  void skip_name() { pos_ = scan::next_of(text_, pos_, kNameEnds); }

  // Keeps `at` as `prefix` + its lower-cased name and returns that form; an absurdly long name
  // is an identifier, with an empty form.
  std::string_view keep_name(NameForm& form, std::string_view at, std::string_view prefix,
                             std::string_view name) {
    if (form.assign(prefix, name)) {
      sink_.keep_as(at, form.view());
      return form.view();
    }
    sink_.identifier(at);
    return {};
  }

  // Text up to the next `<` (a `<` that opens no markup is text), lexed as prose words.
  // Character references (&amp; &#233;) are skipped rather than read as words.
  void text_run() {
    const auto end = std::min(text_.find('<', pos_ + 1), text_.size());
    const auto run = text_.substr(pos_, end - pos_);
    std::size_t words_begin = 0;
    for (auto amp = run.find('&'); amp != std::string_view::npos; amp = run.find('&', amp + 1)) {
      auto name_end = amp + 1 + (amp + 1 < run.size() && run[amp + 1] == '#');
      while (name_end < run.size() && name_end - amp < 34 && kAlphanumerics.contains(run[name_end]))
        ++name_end;
      if (name_end >= run.size() || run[name_end] != ';') continue;
      lex_prose_words(run.substr(words_begin, amp - words_begin), sink_);
      words_begin = name_end + 1;
    }
    lex_prose_words(run.substr(words_begin), sink_);
    pos_ = end;
  }

  void end_tag() {
    const auto begin = pos_;
    pos_ += 2;
    skip_name();
    NameForm form;
    keep_name(form, from(begin), "</", text_.substr(begin + 2, pos_ - begin - 2));
    pos_ = scan::past_next(text_, pos_, ">");
  }

  void start_tag() {
    const auto begin = pos_++;
    skip_name();
    NameForm form;
    const auto tag = keep_name(form, from(begin), "<", text_.substr(begin + 1, pos_ - begin - 1));
    const auto type = attributes();
    if (tag == "<script")
      script_content(type);
    else if (tag == "<style")
      raw_content("style", lex_css);
  }

  // Lexes the attributes up to and past the tag's `>`; returns the value of `type`, if any.
  std::string_view attributes() {
    std::string_view type;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '>') {
        ++pos_;
        break;
      }
      if (scan::is_blank_or_control(c) || c == '/') {
        ++pos_;
        continue;
      }
      const auto name_begin = pos_++;
      pos_ = scan::next_of(text_, pos_, kAttributeNameEnds);
      const auto name_at = from(name_begin);
      NameForm form;
      const auto name = keep_name(form, name_at, "", name_at);
      const auto value = attribute_value(name);
      if (name == "type") type = value;
    }
    return type;
  }

  // Lexes the value after `=`, if there is one, by what the attribute is; returns it unquoted.
  std::string_view attribute_value(std::string_view name) {
    auto i = scan::run_end(text_, pos_, scan::kBlankOrControl);
    if (i >= text_.size() || text_[i] != '=') return {};
    i = scan::run_end(text_, i + 1, scan::kBlankOrControl);
    pos_ = i;
    if (i >= text_.size()) return {};
    std::size_t value_begin = i, value_end = i;
    if (text_[i] == '"' || text_[i] == '\'') {
      value_begin = i + 1;
      value_end = std::min(text_.find(text_[i], value_begin), text_.size());
      pos_ = std::min(value_end + 1, text_.size());
    } else {
      value_end = scan::next_of(text_, value_end, kUnquotedValueEnds);
      pos_ = value_end;
    }
    const auto value = text_.substr(value_begin, value_end - value_begin);
    if (name == "style")
      lex_css(value, sink_);
    else if (is_script_attribute(name))
      lex_javascript(value, sink_);
    else
      sink_.string_literal(text_.substr(i, 1));
    return value;
  }

  void script_content(std::string_view type) {
    if (is_javascript_type(type)) return raw_content("script", lex_javascript);
    const auto begin = pos_;
    pos_ = raw_content_end("script");
    const auto content = from(begin);
    const auto first = std::find_if_not(content.begin(), content.end(), scan::is_blank_or_control);
    if (first != content.end()) sink_.string_literal(content.substr(first - content.begin(), 1));
  }

  // The content of a script or style element runs to its end tag, whatever it contains.
  void raw_content(std::string_view element, LexFunction lex) {
    const auto begin = pos_;
    pos_ = raw_content_end(element);
    lex(from(begin), sink_);
  }

  std::size_t raw_content_end(std::string_view element) const {
    for (auto close = text_.find("</", pos_); close != std::string_view::npos;
         close = text_.find("</", close + 2))
      if (equals_ignoring_case(text_.substr(close + 2, element.size()), element)) return close;
    return text_.size();
  }
};

}  // namespace

void lex_html(std::string_view text, TokenSink& sink) { HtmlLexer(text, sink).run(); }

}  // namespace huella
