// The requirements.txt lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> requirements(std::string_view text) {
  return symbols(lex_requirements, text, Channel::config);
}

TEST_CASE("requirements: package names are normalized") {
  CHECK(requirements("Kafka_Python==2.0.2") == requirements("kafka-python==2.0.2"));
  CHECK(requirements("zope.interface") == requirements("Zope__Interface"));
  CHECK(requirements("kafka-python") == std::vector{sym("kafka-python")});
  CHECK(requirements("requests[Security,socks]") ==
        std::vector{sym("requests"), sym("["), sym("security"), sym(","), sym("socks"), sym("]")});
}

TEST_CASE("requirements: comments, blank lines and continuations give the same symbols") {
  const auto commented = requirements(
      "# runtime dependencies\n"
      "\n"
      "boto3>=1.26   # AWS\n"
      "requests == 2.31.0 \\\n"
      "    --hash=sha256:abc\n");
  CHECK(commented == requirements("boto3>=1.26\nrequests==2.31.0 --hash=sha256:abc\n"));
  CHECK(requirements("a==1\r\nb==2\r\n") == requirements("a==1\nb==2\n"));
}

TEST_CASE("requirements: versions are class symbols, names and operators are kept") {
  CHECK(requirements("pandas==2.1.0") == requirements("pandas==1.5.3rc1"));
  CHECK(requirements("pandas==2.1.0") == std::vector{sym("pandas"), sym("=="), num()});
  CHECK(requirements("pandas==2.1") != requirements("pandas>=2.1"));
  CHECK(requirements("pandas") != requirements("numpy"));
  CHECK(requirements("django>=4,<5.0") ==
        std::vector{sym("django"), sym(">="), num(), sym(","), sym("<"), num()});
  CHECK(requirements("x~=1.4.*")[1] == sym("~="));
}

TEST_CASE("requirements: options, URLs and markers") {
  CHECK(
      requirements("-r base.txt\n--index-url https://pypi.org/simple") ==
      std::vector{sym("-r"), sym("base.txt"), sym("--index-url"), sym("https://pypi.org/simple")});
  CHECK(requirements("-e git+https://github.com/a/b.git@v1#egg=b") ==
        std::vector{sym("-e"), sym("git+https://github.com/a/b.git@v1#egg=b")});
  CHECK(requirements("pkg @ https://x.org/pkg-1.0.whl") ==
        std::vector{sym("pkg"), sym("@"), sym("https://x.org/pkg-1.0.whl")});
  CHECK(requirements("dataclasses; python_version < \"3.7\"") ==
        std::vector{sym("dataclasses"), sym(";"), sym("python_version"), sym("<"), str()});
  CHECK(requirements("./libs/local_pkg") == std::vector{sym("./libs/local_pkg")});
}

TEST_CASE("requirements: token lines are 1-based") {
  CHECK(lines(lex_requirements, "# c\nflask==3.0\n\nboto3") ==
        std::vector<std::uint32_t>{2, 2, 2, 4});
}

TEST_CASE("requirements: a course requirements file gives the expected symbols") {
  const auto symbols = requirements(
      "kafka-python==2.0.2\n"
      "requests>=2.31\n"
      "boto3==1.34.0  # LocalStack\n"
      "python-dotenv\n");
  CHECK(symbols == std::vector{sym("kafka-python"), sym("=="), num(), sym("requests"), sym(">="),
                               num(), sym("boto3"), sym("=="), num(), sym("python-dotenv")});
}

TEST_CASE("requirements: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    return check_sane_tokens(tokenize(text, Channel::config, lex_requirements), text);
  };
  CHECK(sane("x; y == \"never closed\nz") == 6);
  CHECK(sane("\\") == 1);
  CHECK(sane(std::string("a\0==\0 1", 7)) == 3);
  sane(random_bytes(23, 1 << 16));
  const auto long_line = long_input("a", ",b");
  CHECK(sane(long_line) == long_line.size());
  CHECK(sane(std::string(1 << 20, '=')) == 1);
}

}  // namespace
}  // namespace huella::test
