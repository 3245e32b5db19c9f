// SQL in the matching form, across the usual dialects (PostgreSQL, MySQL, SQLite, SQL Server).
//
// Keywords, types and functions are kept lower-cased, since SQL ignores their case. Names, bare
// or quoted as "x", `x` or [x], are identifiers; a name after `.` always is. Semicolons vanish,
// and so do dollar-quote delimiters, so a function body is lexed as SQL.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>

#include "huella/lex.h"
#include "scan.h"

namespace huella {
namespace {

// Words that are common column names in sensor data (temp, value, name, year, month, day) are
// left out: renaming such a column must not change the symbols.
constexpr std::string_view kKeywordList[] = {
    // statements and clauses
    "select", "from", "where", "and", "or", "not", "null", "is", "in", "like", "ilike", "between",
    "exists", "as", "on", "join", "inner", "left", "right", "full", "outer", "cross", "natural",
    "using", "group", "by", "order", "having", "limit", "offset", "distinct", "all", "any", "some",
    "union", "intersect", "except", "case", "when", "then", "else", "end", "asc", "desc", "nulls",
    "first", "last", "insert", "into", "values", "update", "set", "delete", "create", "table",
    "view", "index", "unique", "primary", "key", "foreign", "references", "constraint", "check",
    "default", "drop", "alter", "add", "column", "rename", "to", "if", "cascade", "restrict",
    "truncate", "begin", "commit", "rollback", "transaction", "returning", "with", "recursive",
    "over", "partition", "window", "rows", "range", "unbounded", "preceding", "following",
    "current", "row", "grant", "revoke", "database", "schema", "sequence", "trigger", "function",
    "procedure", "returns", "language", "declare", "return", "replace", "temporary",
    "auto_increment", "autoincrement", "identity", "generated", "always", "stored", "collate",
    "escape", "true", "false", "fetch", "next", "only", "top", "filter", "lateral", "materialized",
    "conflict", "do", "nothing", "merge", "matched", "explain", "analyze", "show", "use",
    "describe", "for", "each", "execute", "new", "old", "before", "after", "instead", "of", "loop",
    "while", "raise", "notice", "exception", "perform", "plpgsql",
    // types
    "int", "integer", "bigint", "smallint", "tinyint", "serial", "bigserial", "varchar", "char",
    "character", "varying", "text", "boolean", "bool", "date", "time", "timestamp", "timestamptz",
    "interval", "numeric", "decimal", "real", "float", "double", "precision", "json", "jsonb",
    "uuid", "blob", "bytea", "money", "zone",
    // functions
    "count", "sum", "avg", "min", "max", "coalesce", "nullif", "now", "current_timestamp",
    "current_date", "cast", "extract", "date_trunc", "round", "floor", "ceil", "abs", "length",
    "lower", "upper", "substring", "substr", "trim", "concat", "to_char", "to_date", "to_timestamp",
    "row_number", "rank", "dense_rank", "lag", "lead", "first_value", "last_value", "string_agg",
    "array_agg", "json_agg", "jsonb_build_object", "ifnull", "isnull", "datediff", "dateadd",
    "strftime", "date_format", "generate_series"};

constexpr scan::WordTable<1024> kKeywords = {{kKeywordList, 1}};
// One past the longest keyword: a longer word is a name.
constexpr std::size_t kMaxKeywordSize = kKeywords.longest() + 1;

constexpr auto kNameChar = scan::kIdentifierChar | "$";
// `0x1F`, `3.5e2`: only `0x` is a radix prefix.
constexpr scan::NumberSyntax kNumbers{kNameChar.ascii(), scan::ByteSet("xX"), scan::kNoBytes};

// Longest first, so that `->>` wins over `->`.
constexpr std::string_view kLongOperators[] = {"<=>", "->>", "<>", "!=", "<=", ">=", "||",
                                               "::",  "->",  ":=", "=>", "<<", ">>", "&&"};

class SqlLexer : public scan::Scanner<SqlLexer> {
 public:
  using Scanner::Scanner;

 private:
  friend Scanner;

  void token(char c) {
    if ((c == '-' && peek(1) == '-') || c == '#') {
      pos_ = scan::next_line_break(text_, pos_);
      return;
    }
    if (c == '/' && peek(1) == '*') {
      pos_ = scan::block_comment_end(text_, pos_);
      return;
    }
    const bool qualified = std::exchange(after_dot_, false);
    if (scan::is_identifier_start(c)) {
      word(qualified);
    } else if (scan::is_digit(c) || (c == '.' && scan::is_digit(peek(1)))) {
      number();
    } else if (c == '\'') {
      string_literal(pos_);
    } else if (c == '"' || c == '`') {
      quoted_name();
    } else if (c == '[') {
      if (!bracketed_name()) punctuation();
    } else if (c == '$') {
      dollar();
    } else if (c == '@') {
      variable();
    } else {
      punctuation();
    }
  }

  void word(bool qualified) {
    const auto begin = pos_;
    pos_ = scan::run_end(text_, pos_, kNameChar);
    const auto name = from(begin);
    // N'...', E'...', X'...', B'...': the prefix belongs to the string.
    if (name.size() == 1 && peek(0) == '\'' &&
        std::string_view("nexbNEXB").find(name[0]) != std::string_view::npos)
      return string_literal(begin);
    if (qualified || name.size() >= kMaxKeywordSize) return sink_.identifier(name);
    char lowered[kMaxKeywordSize];
    std::transform(name.begin(), name.end(), lowered, [](char ch) {
      return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    });
    const std::string_view form(lowered, name.size());
    if (kKeywords.contains(form))
      sink_.keep_as(name, form);
    else
      sink_.identifier(name);
  }

  void number() {
    const auto begin = pos_;
    pos_ = scan::number_end(text_, pos_, kNumbers);
    sink_.number(from(begin));
  }

  // Strings may span lines; `''` and (MySQL) `\'` escape a quote. Unterminated, they end the text.
  void string_literal(std::size_t begin) {
    auto i = text_.find('\'', begin) + 1;
    while (i < text_.size()) {
      if (text_[i] == '\\') {
        i += 2;
      } else if (text_[i] == '\'') {
        if (i + 1 < text_.size() && text_[i + 1] == '\'')
          i += 2;
        else
          break;
      } else {
        ++i;
      }
    }
    pos_ = std::min(i + 1, text_.size());
    sink_.string_literal(text_.substr(begin, 1));
  }

  // "name" (standard) and `name` (MySQL): a doubled quote escapes it.
  void quoted_name() {
    const auto begin = pos_;
    pos_ = scan::doubled_quote_end(text_, pos_);
    sink_.identifier(text_.substr(begin, 1));
  }

  // SQL Server's [name]; `arr[1]` and an unclosed `[` stay punctuation. The look is bounded.
  bool bracketed_name() {
    const auto close = text_.substr(pos_, 130).find(']');
    if (close == std::string_view::npos || close < 2 || scan::is_digit(peek(1))) return false;
    const auto inside = text_.substr(pos_ + 1, close - 1);
    if (std::any_of(inside.begin(), inside.end(), [](char ch) { return scan::is_line_break(ch); }))
      return false;
    sink_.identifier(text_.substr(pos_, 1));
    pos_ += close + 1;
    return true;
  }

  // `$$` and `$tag$` quote a function body, which is lexed as SQL; `$1` is a parameter.
  void dollar() {
    const auto begin = pos_++;
    if (scan::is_digit(peek(0))) {
      pos_ = scan::run_end(text_, pos_, scan::kDigits);
      return sink_.identifier(from(begin));
    }
    pos_ = scan::identifier_end(text_, pos_);
    if (peek(0) == '$') {
      ++pos_;
      return;
    }
    pos_ = begin + 1;
    sink_.keep(from(begin));
  }

  // `@name` and `@@name`: session variables, named like identifiers.
  void variable() {
    const auto begin = pos_++;
    if (peek(0) == '@') ++pos_;
    pos_ = scan::run_end(text_, pos_, kNameChar);
    if (pos_ - begin == 1) return sink_.keep(from(begin));
    sink_.identifier(from(begin));
  }

  void punctuation() {
    const auto begin = pos_;
    pos_ += scan::operator_length(text_.substr(pos_), kLongOperators);
    const auto op = from(begin);
    if (op == ";") return;
    sink_.keep(op);
    after_dot_ = op == ".";
  }

  bool after_dot_ = false;  // the previous token is `.`: the next name is a column or table
};

}  // namespace

void lex_sql(std::string_view text, TokenSink& sink) { SqlLexer(text, sink).run_tokens(); }

}  // namespace huella
