// The Python lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> python(std::string_view text) { return symbols(lex_python, text); }

TEST_CASE("python: renamed identifiers give the same symbols") {
  const auto original = python(
      "def promedio(valores):\n"
      "    total = 0\n"
      "    for v in valores:\n"
      "        total += v\n"
      "    return total / len(valores)\n");
  const auto renamed = python(
      "def calcular_media(conexión):\n"
      "    año = 0\n"
      "    for elemento in conexión:\n"
      "        año += elemento\n"
      "    return año / len(conexión)\n");
  CHECK(original == renamed);
  CHECK(python("self.nombre = nombre") == python("this.name = name"));  // self is a convention
}

TEST_CASE("python: comments, blank lines and layout give the same symbols") {
  const auto compact = python("x = f(a, b)\nif x:\n    print(x)\n");
  const auto spread = python(
      "# a header comment\n"
      "\n"
      "x = f(  a,   # first\n"
      "        b )\n"
      "\n"
      "if x :  # check\n"
      "\tprint( x )\n");
  CHECK(compact == spread);
  CHECK(python("total = a + \\\n    b\n") == python("total = a + b\n"));
  CHECK(python("a = 1\r\nb = 2\r\n") == python("a = 1\nb = 2\n"));
}

TEST_CASE("python: docstrings vanish like comments") {
  const auto documented = python(
      "\"\"\"Module docstring.\"\"\"\n"
      "def f(x):\n"
      "    '''Returns x.'''\n"
      "    return x\n"
      "class C:\n"
      "    r\"\"\"Raw docstring.\"\"\"  # and a comment\n"
      "    pass\n");
  const auto bare = python("def f(x):\n    return x\nclass C:\n    pass\n");
  CHECK(documented == bare);
  // A string that is part of an expression is kept.
  CHECK(python("x = \"doc\"\n") == std::vector{id(), sym("="), str()});
  CHECK(python("return \"doc\"\n") == std::vector{sym("return"), str()});
  CHECK(python("f(\n    \"doc\"\n)\n") == std::vector{id(), sym("("), str(), sym(")")});
  CHECK(python("x = \\\n    \"doc\"\n") == std::vector{id(), sym("="), str()});
}

TEST_CASE("python: literal values are class symbols") {
  CHECK(python("timeout = 15") == python("timeout = 3.5e-2"));
  CHECK(python("n = 0x1F + 1_000") == python("n = 7 + 2j"));
  CHECK(python("topic = 'sismos'") == python("topic = \"terremotos\""));
  CHECK(python("msg = f'{a} and {b}'") == python("msg = 'plain'"));
  CHECK(python("x = .5") == std::vector{id(), sym("="), num()});
}

TEST_CASE("python: keywords, builtins and operators are kept") {
  CHECK(python("a + b") != python("a - b"));
  CHECK(python("while x: pass") != python("if x: pass"));
  CHECK(python("print(x)") != python("log(x)"));
  CHECK(python("len(x)") == std::vector{sym("len"), sym("("), id(), sym(")")});
  CHECK(python("raise ValueError(x)").front() == sym("raise"));
  CHECK(python("raise ValueError(x)")[1] == sym("ValueError"));
  CHECK(python("if __name__ == '__main__': main()") == std::vector{sym("if"), sym("__name__"),
                                                                   sym("=="), str(), sym(":"), id(),
                                                                   sym("("), sym(")")});
  CHECK(python("@dataclass\nclass P: pass") ==
        std::vector{sym("@"), id(), sym("class"), id(), sym(":"), sym("pass")});
  CHECK(python("async def f(): await g()")[0] == sym("async"));
}

TEST_CASE("python: operators are matched longest first") {
  CHECK(python("a **= b") == std::vector{id(), sym("**="), id()});
  CHECK(python("a //= b >> c") == std::vector{id(), sym("//="), id(), sym(">>"), id()});
  CHECK(python("def f() -> int: ...") == std::vector{sym("def"), id(), sym("("), sym(")"),
                                                     sym("->"), sym("int"), sym(":"), sym("...")});
  CHECK(python("if (n := len(a)) != 0: pass")[3] == sym(":="));
  CHECK(python("x <= y >= z != w") ==
        std::vector{id(), sym("<="), id(), sym(">="), id(), sym("!="), id()});
}

TEST_CASE("python: prefixed, triple-quoted and f-strings are one string token") {
  const std::vector<std::uint64_t> assignment = {id(), sym("="), str()};
  CHECK(python("x = rb'\\d+'") == assignment);
  CHECK(python("x = Br\"\\\"\"") == assignment);
  CHECK(python("x = u'año'") == assignment);
  CHECK(python("x = '''a\n\"b\"\n'c' '''") == assignment);
  CHECK(python("x = f\"{d[\"k\"]} {n:{width}} {{literal}}\"") == assignment);  // 3.12 nesting
  CHECK(python("x = f'{f\"{y}\"}'") == assignment);
  CHECK(python("x = fr'''{a}\n{b}'''") == assignment);
  CHECK(python("x = 'it\\'s'") == assignment);
  // Not a prefix: an identifier followed by a string.
  CHECK(python("print 'x'") == std::vector{sym("print"), str()});
  CHECK(python("name'x'") == std::vector{id(), str()});
}

TEST_CASE("python: token lines are 1-based and follow multi-line strings") {
  CHECK(lines(lex_python, "a = 1\n\nb = '''x\ny\nz'''\nc") ==
        std::vector<std::uint32_t>{1, 1, 1, 3, 3, 3, 6});
  CHECK(lines(lex_python, "# comment\nx") == std::vector<std::uint32_t>{2});
}

TEST_CASE("python: a Kafka producer gives the expected symbols") {
  const std::string_view producer =
      "from kafka import KafkaProducer\n"
      "import json\n"
      "\n"
      "productor = KafkaProducer(\n"
      "    bootstrap_servers=\"localhost:9092\",\n"
      "    value_serializer=lambda v: json.dumps(v).encode(\"utf-8\"),\n"
      ")\n"
      "for i in range(10):\n"
      "    productor.send(\"sismos\", {\"id\": i})\n"
      "productor.flush()\n";
  const auto symbols = python(producer);
  CHECK(symbols.size() == 57);  // 4+2 imports, 4+4+17+1 the producer, 8+12 the loop, 5 flush
  const std::vector<std::uint64_t> loop_head = {sym("for"), id(),  sym("in"), sym("range"),
                                                sym("("),   num(), sym(")"),  sym(":")};
  CHECK(std::search(symbols.begin(), symbols.end(), loop_head.begin(), loop_head.end()) !=
        symbols.end());
  CHECK(std::vector(symbols.begin(), symbols.begin() + 4) ==
        std::vector{sym("from"), id(), sym("import"), id()});
}

TEST_CASE("python: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    return check_sane_tokens(tokenize(text, Channel::code, lex_python), text);
  };
  CHECK(sane("x = 'unterminated\ny = 1") == 6);  // the string stops at its line's end
  CHECK(sane("x = \"\"\"never closed\n\n") == 3);
  CHECK(sane("x = f'{unclosed") == 3);
  CHECK(sane(std::string("a\0b = \0 1", 9)) == 4);
  CHECK(sane("\\") == 0);
  CHECK(sane("") == 0);
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += "f'{";
  sane(nested);
  sane(random_bytes(7, 1 << 16));
  const auto long_line = long_input("x = ", "a + 1 + ", "a");
  CHECK(sane(long_line) == 3 + (long_line.size() - 5) / 8 * 4);  // x = ... a
  CHECK(sane(std::string(1 << 20, '"')) > 0);
  CHECK(sane(std::string(1 << 20, '(')) == 1 << 20);
}

}  // namespace
}  // namespace huella::test
