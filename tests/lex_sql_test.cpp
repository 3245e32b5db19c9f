#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> sql(std::string_view text) { return symbols(lex_sql, text); }

TEST_CASE("sql: renamed tables and columns give the same symbols") {
  CHECK(sql("SELECT sensor_id, AVG(valor) FROM lecturas GROUP BY sensor_id") ==
        sql("SELECT device, AVG(temp) FROM readings GROUP BY device"));
  CHECK(sql("SELECT \"Valor\", `otro`, [tercero] FROM t") == sql("SELECT a, b, c FROM t"));
}

TEST_CASE("sql: keyword and function case does not matter") {
  CHECK(sql("select count(*) from t where x is not null") ==
        sql("SELECT COUNT(*) FROM t WHERE x IS NOT NULL"));
  CHECK(sql("Select Now()") == std::vector{sym("select"), sym("now"), sym("("), sym(")")});
}

TEST_CASE("sql: comments, whitespace and semicolons vanish") {
  CHECK(sql("SELECT a -- columna\nFROM t; /* fin\n */ # mysql\n") == sql("select a from t"));
}

TEST_CASE("sql: literal values do not matter, their kind does") {
  CHECK(sql("WHERE a = 'x''y' AND b = 3.5e2 AND c = N'z' AND d = 'it\\'s'") ==
        sql("WHERE a = 'q' AND b = 7 AND c = 'w' AND d = 'v'"));
  CHECK(sql("WHERE a = 'x'") != sql("WHERE a = 1"));
}

TEST_CASE("sql: keywords and operators are kept") {
  CHECK(sql("SELECT a FROM t LEFT JOIN u ON t.id = u.id") !=
        sql("SELECT a FROM t INNER JOIN u ON t.id = u.id"));
  CHECK(sql("WHERE a <> b") != sql("WHERE a = b"));
  CHECK(sql("x::int, y->>'k'") ==
        std::vector{id(), sym("::"), sym("int"), sym(","), id(), sym("->>"), str()});
}

TEST_CASE("sql: a name after a dot is a name even when it spells a keyword") {
  CHECK(sql("SELECT r.date, r.value FROM r") == sql("SELECT r.fecha, r.valor FROM r"));
  CHECK(sql("SELECT date FROM r") != sql("SELECT fecha FROM r"));
}

TEST_CASE("sql: parameters, variables and dollar-quoted bodies") {
  CHECK(sql("WHERE id = $1 AND u = @usuario AND v = :valor AND w = ?") ==
        std::vector{sym("where"), id(), sym("="), id(), sym("and"), id(), sym("="), id(),
                    sym("and"), id(), sym("="), sym(":"), id(), sym("and"), id(), sym("="),
                    sym("?")});
  CHECK(sql("AS $$ BEGIN RETURN 1; END $$") == sql("AS $body$ begin return 1 end $body$"));
  CHECK(sql("AS $$ BEGIN RETURN 1; END $$") ==
        std::vector{sym("as"), sym("begin"), sym("return"), num(), sym("end")});
  CHECK(sql("SELECT arr[1]") == std::vector{sym("select"), id(), sym("["), num(), sym("]")});
}

TEST_CASE("sql: token lines are 1-based and follow multi-line strings") {
  CHECK(lines(lex_sql, "SELECT\n  'a\nb',\n  /* c\n */ x") ==
        std::vector<std::uint32_t>{1, 2, 3, 5});
}

TEST_CASE("sql: a CREATE TABLE and a SELECT over it") {
  const std::string_view script = R"(
CREATE TABLE lecturas (
  id SERIAL PRIMARY KEY,
  sensor VARCHAR(50) NOT NULL,
  valor NUMERIC(6, 2),
  ts TIMESTAMP DEFAULT NOW()
);

SELECT sensor, ROUND(AVG(valor), 1) AS media
FROM lecturas
WHERE ts > NOW() - INTERVAL '1 hour'
GROUP BY sensor
ORDER BY media DESC;
)";
  const auto s = sql(script);
  REQUIRE(s.size() == 64);
  CHECK(std::vector(s.begin(), s.begin() + 11) ==
        std::vector{sym("create"), sym("table"), id(), sym("("), id(), sym("serial"),
                    sym("primary"), sym("key"), sym(","), id(), sym("varchar")});
  CHECK(std::vector(s.end() - 4, s.end()) ==
        std::vector{sym("order"), sym("by"), id(), sym("desc")});
  CHECK(lines(lex_sql, script).back() == 13);
}

TEST_CASE("sql: hostile input ends with sane tokens") {
  std::vector<std::string> inputs = {
      "'unterminated",
      "'abc\\",
      "\"open name",
      "`open",
      "/* never closed",
      "$tag",
      "$",
      "@",
      std::string(100000, '[') + "]",
      std::string(100000, '$'),
      std::string(100000, '\''),
      std::string("a\0b\0\0c", 6),
      "\x01\x02\x7f\xc3\xa9\xff\xfe\\",
      std::string(100, 'A'),
  };
  for (const auto& text : inputs) check_sane_tokens(tokenize(text, Channel::code, lex_sql), text);
  CHECK(sql("a /* b") == std::vector{id()});
  CHECK(sql(std::string(100, 'A')) == std::vector{id()});
}

}  // namespace
}  // namespace huella::test
