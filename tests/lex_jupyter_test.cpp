// The Jupyter lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> jupyter(std::string_view text) { return symbols(lex_jupyter, text); }

// Jupyter's own layout: one source line per JSON string, outputs before the source.
constexpr std::string_view kNotebook = R"json({
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Productor\n",
    "Envia sismos a Kafka"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {"source": "not a cell source"},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": ["ok\n"]
    }
   ],
   "source": [
    "import json\n",
    "total = len(datos)"
   ]
  },
  {
   "cell_type": "raw",
   "metadata": {},
   "source": "ignored = 1"
  }
 ],
 "metadata": {"kernelspec": {"language": "python"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
)json";

// The code cell `import json` / `total = len(datos)` (a function: the class symbols it uses are
// initialized in another translation unit).
std::vector<std::uint64_t> code_symbols() {
  return {sym("import"), id(), id(), sym("="), sym("len"), sym("("), id(), sym(")")};
}

TEST_CASE("jupyter: code cells are lexed as Python at their notebook lines") {
  const auto file = tokenize(kNotebook, Channel::code, lex_jupyter);
  std::vector<std::uint64_t> code;
  std::vector<std::uint32_t> code_lines;
  for (const auto& segment : file.segments)
    if (segment.channel == Channel::code)
      for (auto i = segment.begin; i < segment.end; ++i) {
        code.push_back(file.tokens[i].symbol);
        code_lines.push_back(file.tokens[i].line);
      }
  CHECK(code == code_symbols());
  CHECK(code_lines == std::vector<std::uint32_t>{23, 23, 24, 24, 24, 24, 24, 24});
  const auto source_offset = static_cast<std::uint32_t>(kNotebook.find("\"import json"));
  for (const auto& token : file.tokens)
    if (token.line >= 23) CHECK(token.offset == source_offset);
}

TEST_CASE("jupyter: markdown cells go to the prose channel") {
  const auto file = tokenize(kNotebook, Channel::code, lex_jupyter);
  REQUIRE(file.segments.size() == 2);
  CHECK(file.segments[0].channel == Channel::prose);
  CHECK(file.segments[1].channel == Channel::code);
  CHECK(file.segments[0].end > file.segments[0].begin);
  for (auto i = file.segments[0].begin; i < file.segments[0].end; ++i) {
    CHECK(file.tokens[i].line >= 7);
    CHECK(file.tokens[i].line <= 8);
  }
}

TEST_CASE("jupyter: JSON layout, outputs and renamed identifiers give the same symbols") {
  const auto compact = jupyter(
      R"json({"cells":[{"cell_type":"markdown","source":"# Productor\nEnvia sismos a Kafka"},)json"
      R"json({"cell_type":"code","source":"import json\ntotal = len(datos)","outputs":[]}]})json");
  CHECK(compact == jupyter(kNotebook));
  CHECK(jupyter(R"json({"cells":[{"cell_type":"code","source":["a = len(b)"]}]})json") ==
        jupyter(R"json({"cells":[{"cell_type":"code","source":["x = len(y)  # c"]}]})json"));
}

TEST_CASE("jupyter: code cells form one program, escapes are unescaped") {
  const auto two_cells = jupyter(R"json({"cells":[{"cell_type":"code","source":"import json"},)json"
                                 R"json({"cell_type":"code","source":"total = len(datos)"}]})json");
  CHECK(two_cells == code_symbols());
  CHECK(jupyter(R"json({"cells":[{"cell_type":"code","source":"x = \"a\\tb\""}]})json") ==
        symbols(lex_python, "x = \"a\\tb\""));
}

TEST_CASE("jupyter: broken JSON yields no tokens and says why") {
  const auto refusal = [](std::string_view text) {
    return tokenize(text, Channel::code, lex_jupyter).refused;
  };
  CHECK(refusal(kNotebook.substr(0, kNotebook.size() / 2)) == "broken notebook: not valid JSON");
  CHECK(refusal("") == "broken notebook: not valid JSON");
  CHECK(refusal("[1, 2]") == "broken notebook: no list of cells");
  CHECK(refusal(R"json({"cells": {"cell_type": "code"}})json") == "broken notebook: no list of cells");
  CHECK(refusal(kNotebook).empty());
  CHECK(jupyter(kNotebook.substr(0, kNotebook.size() / 2)).empty());
  CHECK(jupyter("").empty());
  CHECK(jupyter("[1, 2]").empty());
  CHECK(jupyter(R"json({"cells": {"cell_type": "code"}})json").empty());
  CHECK(jupyter(R"json({"cells": [1, "x", {"cell_type": 3, "source": "a"}]})json").empty());
  CHECK(jupyter(R"json({"cells": [{"cell_type": "code", "source": [1, null]}]})json").empty());
  CHECK(jupyter(R"json({"cells": [{"cell_type": "code"}]})json").empty());
}

TEST_CASE("jupyter: token lines are 1-based for other layouts too") {
  CHECK(lines(lex_jupyter, "\n\n{\"cells\": [{\"cell_type\": \"code\", \"source\": \"a\\nb\"}]}") ==
        std::vector<std::uint32_t>{3, 4});
}

TEST_CASE("jupyter: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    return check_sane_tokens(tokenize(text, Channel::code, lex_jupyter), text);
  };
  CHECK(sane(std::string("{\"cells\": [\0]}", 14)) == 0);
  CHECK(sane(R"json({"cells":[{"cell_type":"code","source":"s = '''never closed"}]})json") == 3);
  CHECK(sane(random_bytes(29, 1 << 16)) == 0);
  CHECK(sane(std::string(1 << 20, '[') + std::string(1 << 20, ']')) == 0);
  const auto long_cell =
      long_input(R"json({"cells":[{"cell_type":"code","source":"x = )json", "a + ", "a\"}]}");
  CHECK(sane(long_cell) > (1 << 18));  // x = a + a + ... a
}

}  // namespace
}  // namespace huella::test
