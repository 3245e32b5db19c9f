// HCL / Terraform lexer.
//
// Terraform's vocabulary is fixed by providers, so almost every word is kept: block types,
// attribute keys, resource types, functions. What the student names collapses to the identifier
// symbol: resource/data/variable/output/module names, the keys of `locals` and of user maps
// (tags, environment variables, defaults), tfvars keys, and `for` iterator variables.
// References keep their shape: `aws_s3_bucket.datos.arn` is kept type, identifier, kept attribute.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

// Terraform names may hold `-`: `aws-region`, `my-bucket`.
constexpr auto kWordChar = scan::kIdentifierChar | "-";

// What the labels after a block type are.
enum class BlockKind : std::uint8_t {
  typed,   // resource, data: a kept type label, then the student's name
  named,   // variable, output, module, check: the student's name
  locals,  // no labels; its keys are the student's names
  other,   // provider "aws", backend "s3", dynamic "ingress": schema labels
};

BlockKind block_kind(std::string_view type) {
  if (type == "resource" || type == "data") return BlockKind::typed;
  if (type == "variable" || type == "output" || type == "module" || type == "check")
    return BlockKind::named;
  if (type == "locals") return BlockKind::locals;
  return BlockKind::other;
}

// Attributes whose object value maps names the student chose (tag names, environment variables).
bool holds_user_map(std::string_view key) {
  for (auto name : {"tags", "tags_all", "labels", "annotations", "variables", "environment",
                    "environment_variables", "default", "vars"})
    if (key == name) return true;
  return false;
}

// What the next `.word` of a reference is.
enum class MemberRole : std::uint8_t {
  none,       // not in a reference
  user_name,  // `var.x`, `local.x`, `module.x`, `aws_s3_bucket.x`
  data_type,  // `data.aws_iam_policy_document.x`: the type, then the name
  kept,       // attributes: `.arn`, `each.key`, `count.index`
};

MemberRole role_after_root(std::string_view root) {
  if (root == "data") return MemberRole::data_type;
  if (root == "each" || root == "count" || root == "path" || root == "terraform" || root == "self")
    return MemberRole::kept;
  return MemberRole::user_name;
}

enum class Phase : std::uint8_t {
  start,   // expecting a block type, attribute key or object key
  header,  // after a block type: labels, then `{`
  value,   // in an expression
};

enum class ContextKind : std::uint8_t { body, object, brackets };

// The state of the statement being lexed in one context.
struct Statement {
  Phase phase = Phase::start;
  BlockKind block = BlockKind::other;
  std::uint32_t labels = 0;
  bool user_values = false;  // objects in this value have the student's keys
  MemberRole member = MemberRole::none;
  bool after_dot = false;
  bool naming_iterators = false;  // between `for` and `in`
};

// The attributes and blocks of one body, put in canonical order when the body closes.
struct BodyItems {
  std::vector<std::uint32_t> starts;  // first token of each item
  std::vector<std::uint64_t> keys;    // attribute key, or block type and kept labels
};

struct Context {
  ContextKind kind;
  bool user_keys;   // keys here are the student's names
  Statement outer;  // the enclosing statement, resumed at the closing bracket
  BodyItems items;  // bodies only
};

constexpr std::size_t kMaxIterators = 16;

class HclLexer : public scan::Scanner<HclLexer> {
 public:
  using Scanner::Scanner;

  void run() {
    run_lines();
    while (!stack_.empty()) close_context();  // unclosed blocks still get canonical order
    sort_items(top_items_);
  }

 private:
  friend Scanner;

  void token(char c) {
    if (c == '#' || (c == '/' && at(pos_ + 1) == '/')) {
      skip_to_newline();
    } else if (c == '/' && at(pos_ + 1) == '*') {
      pos_ = scan::block_comment_end(text_, pos_);
    } else if (scan::is_identifier_start(c)) {
      lex_word();
    } else if (scan::is_digit(c)) {
      lex_number();
    } else if (c == '"') {
      lex_quoted();
    } else if (c == '<' && at(pos_ + 1) == '<' && heredoc()) {
      return;
    } else if (!scan::is_blank_or_control(c)) {
      lex_punctuation();
    } else {
      ++pos_;  // control bytes
    }
  }

  ContextKind context() const { return stack_.empty() ? ContextKind::body : stack_.back().kind; }
  bool user_keys() const { return !stack_.empty() && stack_.back().user_keys; }

  // A newline ends an attribute or object item, but not an expression inside brackets.
  void newline() {
    if (context() == ContextKind::brackets) return;
    const bool in_body = context() == ContextKind::body;
    statement_ = Statement{};
    if (in_body) iterators_.clear();
  }

  void push(ContextKind kind, bool keys_are_users) {
    stack_.push_back({kind, keys_are_users, statement_, {}});
    statement_ = Statement{};
    if (kind == ContextKind::brackets) {
      statement_.phase = Phase::value;
      statement_.user_values = stack_.back().outer.user_values;
    }
  }

  // Terraform gives no meaning to the order of attributes and blocks in a body.
  void sort_items(const BodyItems& items) { sink_.sort_items(items.starts, items.keys); }

  BodyItems& body_items() { return stack_.empty() ? top_items_ : stack_.back().items; }

  void begin_item(std::string_view key) {
    auto& items = body_items();
    items.starts.push_back(sink_.emitted());
    items.keys.push_back(TokenSink::symbol_of(key));
  }

  // Adds a kept label to the key of the block being read (`resource "aws_s3_bucket"`).
  void extend_item_key(std::string_view label) {
    auto& items = body_items();
    if (items.keys.empty()) return;
    const std::uint64_t parts[2] = {items.keys.back(), TokenSink::symbol_of(label)};
    items.keys.back() = TokenSink::symbol_of(
        std::string_view(reinterpret_cast<const char*>(parts), sizeof parts));
  }

  void close_context() {
    if (context() == ContextKind::body) sort_items(stack_.back().items);
    pop();
  }

  void pop() {
    if (stack_.empty()) return;
    const Context closed = std::move(stack_.back());
    stack_.pop_back();
    statement_ = closed.outer;
    statement_.after_dot = false;
    if (closed.kind == ContextKind::body) statement_ = Statement{};  // the block is complete
    if (closed.kind == ContextKind::object) statement_.member = MemberRole::none;
  }

  bool is_iterator(std::string_view word) const {
    for (auto name : iterators_)
      if (name == word) return true;
    return false;
  }

  // An attribute (`key =`) rather than a block header (`type "label" {`).
  bool followed_by_assignment() const {
    const std::size_t i = scan::run_end(text_, pos_, scan::kInlineBlanks);
    return at(i) == '=' && at(i + 1) != '=' && at(i + 1) != '>';
  }

  void lex_word() {
    const std::size_t begin = pos_;
    pos_ = scan::run_end(text_, pos_, kWordChar);
    const auto word = text_.substr(begin, pos_ - begin);
    switch (statement_.phase) {
      case Phase::start:
        head_word(word);
        break;
      case Phase::header:
        label(word, word);
        break;
      case Phase::value:
        expression_word(word);
        break;
    }
  }

  void head_word(std::string_view word) {
    if (context() == ContextKind::object) {
      if (word == "for") {  // `{ for k, v in m : k => v }` is an expression, not an object
        stack_.back().kind = ContextKind::brackets;
        statement_.phase = Phase::value;
        expression_word(word);
        return;
      }
      key(word, word, user_keys());
      return;
    }
    const bool assignment = followed_by_assignment();
    const bool students_key = assignment && (user_keys() || stack_.empty());  // top level: tfvars
    begin_item(students_key ? std::string_view{} : word);  // a renamed key must not move its item
    if (assignment) {
      key(word, word, students_key);
      return;
    }
    sink_.keep(word);
    statement_.phase = Phase::header;
    statement_.block = block_kind(word);
    statement_.labels = 0;
  }

  // An attribute or object key; `form` is its unquoted spelling.
  void key(std::string_view at, std::string_view form, bool chosen_by_student) {
    if (chosen_by_student)
      sink_.identifier(at);
    else
      sink_.keep_as(at, form);
    statement_.phase = Phase::value;
    statement_.user_values = chosen_by_student || holds_user_map(form);
  }

  void label(std::string_view at, std::string_view form) {
    const auto index = statement_.labels++;
    const bool student_name = (statement_.block == BlockKind::typed && index == 1) ||
                              (statement_.block == BlockKind::named && index == 0);
    if (student_name) {
      sink_.identifier(at);
    } else {
      sink_.keep_as(at, form);
      if (context() == ContextKind::body) extend_item_key(form);
    }
  }

  void expression_word(std::string_view word) {
    Statement& s = statement_;
    if (s.after_dot) {
      s.after_dot = false;
      switch (s.member) {
        case MemberRole::user_name:
          sink_.identifier(word);
          s.member = MemberRole::kept;
          return;
        case MemberRole::data_type:
          sink_.keep(word);
          s.member = MemberRole::user_name;
          return;
        case MemberRole::kept:
        case MemberRole::none:
          sink_.keep(word);
          return;
      }
    }
    if (s.naming_iterators) {
      if (word == "in") {
        s.naming_iterators = false;
        sink_.keep(word);
      } else {
        if (iterators_.size() < kMaxIterators) iterators_.push_back(word);
        sink_.identifier(word);
      }
      s.member = MemberRole::none;
      return;
    }
    if (word == "for") s.naming_iterators = true;
    if (is_iterator(word)) {
      sink_.identifier(word);
      s.member = MemberRole::kept;
      return;
    }
    sink_.keep(word);
    s.member = role_after_root(word);
  }

  void lex_number() {
    const std::size_t begin = pos_;
    pos_ = scan::run_end(text_, pos_, scan::kDigits);
    if (at(pos_) == '.' && scan::is_digit(at(pos_ + 1)))
      pos_ = scan::run_end(text_, pos_ + 1, scan::kDigits);
    pos_ = scan::exponent_end(text_, pos_);
    sink_.number(text_.substr(begin, pos_ - begin));
    statement_.member = MemberRole::none;
    statement_.after_dot = false;
  }

  // One past the closing quote of the string opening at `quote`. Templates `${...}` and `%{...}`
  // may hold nested strings; a line break ends an unterminated string.
  std::size_t quoted_end(std::size_t quote) const {
    const std::size_t n = text_.size();
    std::size_t template_depth = 0;
    std::size_t i = quote + 1;
    while (i < n) {
      const char c = text_[i];
      if (c == '\n') return i;
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (template_depth > 0) {
        if (c == '{')
          ++template_depth;
        else if (c == '}')
          --template_depth;
        else if (c == '"') {  // a string inside a template: skip it on its own
          i = scan::quoted_end(text_, i, scan::kNewline);
          continue;
        }
        ++i;
        continue;
      }
      if (c == '"') return i + 1;
      if ((c == '$' || c == '%') && at(i + 1) == '{') {
        if (at(i - 1) != c) template_depth = 1;  // `$${` and `%%{` are escapes
        i += 2;
        continue;
      }
      ++i;
    }
    return n;
  }

  void lex_quoted() {
    const std::size_t begin = pos_;
    pos_ = quoted_end(begin);
    const auto token = text_.substr(begin, pos_ - begin);
    const bool closed = token.size() >= 2 && token.back() == '"';
    const auto unquoted = token.substr(1, token.size() - (closed ? 2 : 1));
    switch (statement_.phase) {
      case Phase::start:
        if (context() == ContextKind::object)
          key(token, unquoted, user_keys());
        else
          sink_.string_literal(token);
        break;
      case Phase::header:
        label(token, unquoted);
        break;
      case Phase::value:
        sink_.string_literal(token);
        statement_.member = MemberRole::none;
        statement_.after_dot = false;
        break;
    }
  }

  // `<<EOF` or `<<-EOF` up to the line holding only the marker: one string token.
  bool heredoc() {
    std::size_t i = pos_ + 2;
    if (at(i) == '-') ++i;
    const std::size_t marker_begin = i;
    i = scan::run_end(text_, i, kWordChar);
    const auto marker = text_.substr(marker_begin, i - marker_begin);
    i = scan::run_end(text_, i, scan::kInlineBlanks);
    if (marker.empty() || (i < text_.size() && text_[i] != '\n')) return false;
    std::size_t end = text_.size();
    for (std::size_t line = i + 1; line < text_.size();) {
      const auto line_end = scan::next_newline(text_, line);
      std::size_t first = line, last = line_end;
      while (first < last && scan::is_inline_blank(text_[first])) ++first;
      while (last > first && scan::is_inline_blank(text_[last - 1])) --last;
      if (text_.substr(first, last - first) == marker) {
        end = last;
        break;
      }
      line = line_end + 1;
    }
    sink_.string_literal(text_.substr(pos_, end - pos_));
    pos_ = end;
    statement_.member = MemberRole::none;
    return true;
  }

  void lex_punctuation() {
    const char c = text_[pos_];
    const char next = at(pos_ + 1);
    std::size_t length = 1;
    if ((c == '=' && (next == '=' || next == '>')) || (c == '!' && next == '=') ||
        ((c == '<' || c == '>') && next == '=') || (c == '&' && next == '&') ||
        (c == '|' && next == '|'))
      length = 2;
    else if (c == '.' && next == '.' && at(pos_ + 2) == '.')
      length = 3;
    if (c == '}' && !stack_.empty() && context() == ContextKind::body)
      sort_items(stack_.back().items);  // before the brace, which stays last
    sink_.keep(text_.substr(pos_, length));
    pos_ += length;
    if (length > 1) {
      statement_.member = MemberRole::none;
      statement_.after_dot = false;
      return;
    }
    punctuation(c);
  }

  void punctuation(char c) {
    Statement& s = statement_;
    const bool starting = s.phase != Phase::value;
    switch (c) {
      case '{':
        if (s.phase == Phase::header)
          push(ContextKind::body, s.block == BlockKind::locals);
        else
          push(ContextKind::object, s.user_values);
        return;
      case '(':  // a call's result has no reference shape: `file(x).y` is no resource
        s.member = MemberRole::none;
        s.after_dot = false;
        push(ContextKind::brackets, false);
        return;
      case '[':
        push(ContextKind::brackets, false);
        return;  // an index keeps the reference going
      case '}':
      case ')':
      case ']':
        pop();
        return;
      case '.':
        s.after_dot = true;
        return;
      case '=':
        if (starting) s.phase = Phase::value;
        break;
      case ':':
        if (starting && context() == ContextKind::object) s.phase = Phase::value;
        break;
      case ',':
        if (context() == ContextKind::object) {
          s = Statement{};
          return;
        }
        break;
      default:
        break;
    }
    s.member = MemberRole::none;
    s.after_dot = false;
  }

  std::vector<Context> stack_;  // empty at the top level, which is a body
  Statement statement_;
  std::vector<std::string_view> iterators_;  // `for` variables of the current attribute
  BodyItems top_items_;
};

}  // namespace

void lex_hcl(std::string_view text, TokenSink& sink) { HclLexer(text, sink).run(); }

}  // namespace huella
