// The YAML lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> yaml(std::string_view text) {
  return symbols(lex_yaml, text, Channel::config);
}

constexpr std::string_view kCompose = R"(# Kafka for module 08
services:
  kafka:
    image: bitnami/kafka:3.6
    ports:
      - "9092:9092"
    environment:
      KAFKA_CFG_NODE_ID: 0
      ALLOW_PLAINTEXT_LISTENER: "yes"
    command: >
      bash -c "sleep 5 &&
      kafka-topics.sh --create"
)";

TEST_CASE("yaml: anchor and alias names give the same symbols") {
  CHECK(yaml("base: &defaults\n  a: 1\nweb:\n  <<: *defaults\n") ==
        yaml("base: &comunes\n  a: 1\nweb:\n  <<: *comunes\n"));
  CHECK(yaml("x: &ancla 1") == std::vector{sym("x"), sym(":"), sym("&"), id(), num()});
}

TEST_CASE("yaml: comments, indentation and quoting give the same symbols") {
  const auto plain = yaml("services:\n  web:\n    image: nginx\n    ports:\n      - 80\n");
  const auto styled = yaml(
      "# header\n"
      "services:   # the services\n"
      "    web:\n"
      "\n"
      "        image: 'nginx'\n"
      "        ports:\n"
      "        -   80   # http\n");
  CHECK(plain == styled);
  CHECK(yaml("image: \"nginx\"") == yaml("image: nginx"));
  CHECK(yaml("'image': x") == yaml("image: x"));
  CHECK(yaml("a: 1\r\nb: 2\r\n") == yaml("a: 1\nb: 2\n"));
}

TEST_CASE("yaml: numbers are class symbols, other values are kept as spelled") {
  CHECK(yaml("replicas: 3") == yaml("replicas: 12"));
  CHECK(yaml("version: \"3.8\"") == yaml("version: 2.1"));
  CHECK(yaml("ratio: -1.5e3") == std::vector{sym("ratio"), sym(":"), num()});
  CHECK(yaml("image: postgres:15") != yaml("image: postgres:16"));
  CHECK(yaml("image: postgres:15") == std::vector{sym("image"), sym(":"), sym("postgres:15")});
  CHECK(yaml("tag: 1.2.3") == std::vector{sym("tag"), sym(":"), sym("1.2.3")});
  CHECK(yaml("url: http://x:80/a#b # note") ==
        std::vector{sym("url"), sym(":"), sym("http://x:80/a#b")});
  CHECK(yaml("cmd: python app.py --port 80") ==
        std::vector{sym("cmd"), sym(":"), sym("python app.py --port 80")});
  CHECK(yaml("8080: x")[0] == sym("8080"));  // keys are kept, even numeric ones
}

TEST_CASE("yaml: keys and indicators are kept") {
  CHECK(yaml("image: x") != yaml("build: x"));
  CHECK(yaml("ports:\n  - 80\n  - 443\n") ==
        std::vector{sym("ports"), sym(":"), sym("-"), num(), sym("-"), num()});
  CHECK(yaml("a: {b: 1, c: [x, \"y\"]}") ==
        std::vector{sym("a"), sym(":"), sym("{"), sym("b"), sym(":"), num(), sym(","), sym("c"),
                    sym(":"), sym("["), sym("x"), sym(","), sym("y"), sym("]"), sym("}")});
  CHECK(yaml("{\"a\":\"b\"}") == std::vector{sym("{"), sym("a"), sym(":"), sym("b"), sym("}")});
  CHECK(yaml("---\na: 1\n---\nb: 2") ==
        std::vector{sym("---"), sym("a"), sym(":"), num(), sym("---"), sym("b"), sym(":"), num()});
  CHECK(yaml("Ref: !GetAtt Role.Arn")[2] == sym("!GetAtt"));
}

TEST_CASE("yaml: block scalars are one string token") {
  CHECK(yaml("run: |\n  pip install x\n  pytest -q\n\nnext: 1\n") ==
        std::vector{sym("run"), sym(":"), str(), sym("next"), sym(":"), num()});
  CHECK(yaml("run: >-\n  one\n  two\n") == yaml("run: |\n  other: text\n  - here\n"));
  CHECK(yaml("steps:\n  - run: |\n      a\n      b\n  - name: x\n") ==
        std::vector{sym("steps"), sym(":"), sym("-"), sym("run"), sym(":"), str(), sym("-"),
                    sym("name"), sym(":"), sym("x")});
}

TEST_CASE("yaml: token lines are 1-based") {
  CHECK(lines(lex_yaml, "a: 1\n# c\nb: |\n  x\n  y\nc: 2") ==
        std::vector<std::uint32_t>{1, 1, 1, 3, 3, 3, 6, 6, 6});
}

TEST_CASE("yaml: a docker-compose file gives the expected symbols") {
  const auto symbols = yaml(kCompose);
  CHECK(symbols.size() == 22);
  const std::vector<std::uint64_t> kafka = {
      sym("services"),          sym(":"),     sym("kafka"), sym(":"), sym("image"),    sym(":"),
      sym("bitnami/kafka:3.6"), sym("ports"), sym(":"),     sym("-"), sym("9092:9092")};
  CHECK(std::vector(symbols.begin(), symbols.begin() + 11) == kafka);
  CHECK(symbols.back() == str());
}

TEST_CASE("yaml: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    return check_sane_tokens(tokenize(text, Channel::config, lex_yaml), text);
  };
  CHECK(sane("a: \"never closed\nb: 1\n") == 3);
  CHECK(sane("a: 'it''s\n") == 3);
  CHECK(sane("a: |") == 3);
  CHECK(sane("]]]}}} a: [[[{") == 12);
  CHECK(sane(std::string("a\0: \0", 5)) == 3);
  CHECK(sane("&\n*\n!\n") == 3);
  sane(random_bytes(13, 1 << 16));
  const auto long_line = long_input("k: [", "v, ", "v]");
  CHECK(sane(long_line) == 3 + (long_line.size() - 6) / 3 * 2 + 2);  // k : [ ... v ]
  CHECK(sane(std::string(1 << 20, '[')) == 1 << 20);
  CHECK(sane(std::string(1 << 20, '-')) == 1);
}

}  // namespace
}  // namespace huella::test
