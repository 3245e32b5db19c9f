#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> c(std::string_view text) { return symbols(lex_c_family, text); }

TEST_CASE("c-family: renamed identifiers give the same symbols") {
  CHECK(c("int suma(int[] xs) { int total = 0; for (int x : xs) total += x; return total; }") ==
        c("int sum(int[] valores) { int acc = 0; for (int v : valores) acc += v; return acc; }"));
}

TEST_CASE("c-family: comments, whitespace, semicolons and trailing commas vanish") {
  CHECK(c("int a = f(1, 2); // sum\n/* block\n comment */ g(a);") == c("int a=f(1,2)\ng(a)"));
  CHECK(c("int v[] = {1, 2, 3,};") == c("int v[] = {1, 2, 3};"));
  CHECK(c("x := []int{\n  1,\n  2,\n}") == c("x := []int{1, 2}"));
}

TEST_CASE("c-family: literal values do not matter, their kind does") {
  CHECK(c("s = \"hola\"; ch = 'a'; n = 42; d = 1.5e-3f; h = 0xFFL; m = 1'000'000;") ==
        c("s = \"adios\"; ch = '\\n'; n = 7; d = 2.0; h = 10; m = 3;"));
  CHECK(c("s = \"\"\"\n  text block\n  \"\"\"; t = R\"x(raw \" )\" )x\"; u = @\"C:\\\"\"x\";") ==
        c("s = \"a\"; t = \"b\"; u = \"c\";"));
  CHECK(c("p = L\"w\" + u8\"x\" + s\"$y\" + $\"{z}\" + `go raw`") ==
        c("p = \"a\" + \"b\" + \"c\" + \"d\" + \"e\""));
  CHECK(c("x = 'a'") != c("x = 1"));
}

TEST_CASE("c-family: keywords and operators of each language are kept") {
  CHECK(c("if (a == b) x++;") != c("if (a != b) x++;"));
  CHECK(c("while (a) f();") != c("if (a) f();"));
  CHECK(c("fun f(x: Int) = x ?: 0") == std::vector{sym("fun"), id(), sym("("), id(), sym(":"), id(),
                                                   sym(")"), sym("="), id(), sym("?:"), num()});
  CHECK(c("func main() { ch := make(chan int); defer close(ch) }") ==
        std::vector{sym("func"), id(), sym("("), sym(")"), sym("{"), id(), sym(":="), sym("make"),
                    sym("("), sym("chan"), sym("int"), sym(")"), sym("defer"), id(), sym("("), id(),
                    sym(")"), sym("}")});
  CHECK(c("std::vector<int> v; v.push_back(1); p->next") ==
        std::vector{sym("std"), sym("::"), sym("vector"), sym("<"), sym("int"), sym(">"), id(),
                    id(), sym("."), sym("push_back"), sym("("), num(), sym(")"), id(), sym("->"),
                    id()});
}

TEST_CASE("c-family: soft keywords and library names stay renamable variables") {
  CHECK(c("Map<String, Integer> map = new HashMap<>(); int value = record.value();") ==
        c("Map<String, Integer> m = new HashMap<>(); int v = r.value();"));
  CHECK(c("x.value()") != c("x.y()"));
}

TEST_CASE("c-family: preprocessor directives and annotations") {
  CHECK(c("#include <stdio.h>\n#  include \"mio.h\" // local\n#define N 10\n") ==
        std::vector{sym("#include"), str(), sym("#include"), str(), sym("#define"), id(), num()});
  CHECK(c("#include <stdio.h>") == c("#include \"otro.h\""));
  CHECK(c("x = a # b") == std::vector{id(), sym("="), id(), sym("#"), id()});
  CHECK(c("@Override\npublic String toString() { return \"\"; }") ==
        std::vector{sym("@Override"), sym("public"), sym("String"), id(), sym("("), sym(")"),
                    sym("{"), sym("return"), str(), sym("}")});
}

TEST_CASE("c-family: token lines are 1-based and follow multi-line tokens") {
  CHECK(lines(lex_c_family, "#include <a>\nint x = \"\"\"\nblock\n\"\"\";\n/* c\n*/ y") ==
        std::vector<std::uint32_t>{1, 1, 2, 2, 2, 2, 6});
}

TEST_CASE("c-family: a Java Kafka producer class") {
  const std::string_view code = R"(package es.curso.kafka;

import org.apache.kafka.clients.producer.*;

public class Productor {
    private final KafkaProducer<String, String> producer;

    public void enviar(String topic, String valor) {
        producer.send(new ProducerRecord<>(topic, valor));
        System.out.println("Enviado: " + valor);
    }
}
)";
  const auto s = c(code);
  REQUIRE(s.size() == 68);
  const std::vector send_line{
      id(),     sym("."), sym("send"), sym("("), sym("new"), sym("ProducerRecord"),
      sym("<"), sym(">"), sym("("),    id(),     sym(","),   id(),
      sym(")"), sym(")")};
  CHECK(std::search(s.begin(), s.end(), send_line.begin(), send_line.end()) != s.end());
  CHECK(std::count(s.begin(), s.end(), sym("System")) == 1);
  CHECK(std::count(s.begin(), s.end(), sym("println")) == 1);
  CHECK(lines(lex_c_family, code).back() == 12);
}

TEST_CASE("c-family: hostile input ends with sane tokens") {
  std::vector<std::string> inputs = {
      "\"unterminated",
      "'",
      "/* never closed",
      "R\"abc(never closed",
      std::string(100000, 'R') + "\"" + std::string(100000, '('),
      "\"\"\" open block",
      "@\"open verbatim \"\"",
      "$@",
      "#",
      "#" + std::string(100, 'a'),
      std::string("a\0b\0\0c", 6),
      "\x01\x02\x7f\xc3\xa9\xff\xfe\\",
      std::string(100000, '"'),
      std::string(100000, '\''),
      std::string(50000, 'R') + std::string(50000, '"'),
  };
  for (const auto& text : inputs)
    check_sane_tokens(tokenize(text, Channel::code, lex_c_family), text);
  CHECK(c("a /* b") == std::vector{id()});
  CHECK(c("\"abc\nx") == std::vector{str(), id()});
}

}  // namespace
}  // namespace huella::test
