// The Dockerfile lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella {
namespace {

using test::lines;
using test::sym;

std::vector<std::uint64_t> dockerfile(std::string_view text) {
  return test::symbols(lex_dockerfile, text, Channel::config);
}

// References: the class symbols are initialized in another translation unit.
const std::uint64_t& kId = TokenSink::kIdentifierSymbol;
const std::uint64_t& kNum = TokenSink::kNumberSymbol;
const std::uint64_t& kStr = TokenSink::kStringSymbol;

constexpr std::string_view kConsumerImage = R"(# syntax=docker/dockerfile:1
FROM python:3.11-slim AS base
WORKDIR /app
ENV PYTHONUNBUFFERED=1
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt && \
    rm -rf /root/.cache
COPY consumidor.py .
EXPOSE 8000
CMD ["python", "consumidor.py"]
)";

TEST_CASE("dockerfile: renamed variables give the same symbols") {
  CHECK(dockerfile("ARG VERSION=1\nFROM python:${VERSION}\nRUN echo $VERSION") ==
        dockerfile("ARG VER=1\nFROM python:${VER}\nRUN echo $VER"));
  CHECK(dockerfile("ENV BUCKET=datos") == std::vector{sym("ENV"), kId, sym("="), sym("datos")});
}

TEST_CASE("dockerfile: comments, case and continuations give the same symbols") {
  const auto styled = dockerfile(
      "# syntax=docker/dockerfile:1\n"
      "from python:3.11\n"
      "\n"
      "run apt-get update \\\n"
      "    # comment lines inside a continuation vanish\n"
      "    && apt-get install -y curl\n");
  CHECK(styled == dockerfile("FROM python:3.11\nRUN apt-get update && apt-get install -y curl\n"));
  CHECK(dockerfile("RUN a \\\r\n  b\r\n") == dockerfile("RUN a b\n"));
}

TEST_CASE("dockerfile: exec form and shell form give the same symbols") {
  CHECK(dockerfile("CMD [\"python\", \"app.py\"]") == dockerfile("CMD python app.py"));
  CHECK(dockerfile("ENTRYPOINT [ \"sh\" , \\\n \"-c\" ]") ==
        std::vector{sym("ENTRYPOINT"), sym("sh"), sym("-c")});
}

TEST_CASE("dockerfile: literals are class symbols, instructions and arguments are kept") {
  CHECK(dockerfile("EXPOSE 8000") == dockerfile("EXPOSE 5000"));
  CHECK(dockerfile("RUN echo \"hola\"") == dockerfile("RUN echo \"chau\""));
  CHECK(dockerfile("FROM python:3.11") != dockerfile("FROM node:20"));
  CHECK(dockerfile("COPY a b") != dockerfile("ADD a b"));
  CHECK(dockerfile("RUN a && b") != dockerfile("RUN a || b"));
  CHECK(dockerfile("FROM python:3.11-slim AS base") ==
        std::vector{sym("FROM"), sym("python:3.11-slim"), sym("AS"), sym("base")});
  CHECK(dockerfile("healthcheck CMD curl -f http://localhost/")[0] == sym("HEALTHCHECK"));
}

TEST_CASE("dockerfile: heredocs are one string token") {
  CHECK(dockerfile("RUN <<EOF\napt-get update\nFROM not-an-instruction\nEOF\nUSER app") ==
        std::vector{sym("RUN"), sym("<<"), kStr, sym("USER"), sym("app")});
  CHECK(dockerfile("COPY <<EOF /app/conf\nkey=value\nEOF\n") ==
        std::vector{sym("COPY"), sym("<<"), sym("/app/conf"), kStr});
  CHECK(dockerfile("RUN echo \"a<<b\"\nUSER app") ==
        std::vector{sym("RUN"), sym("echo"), kStr, sym("USER"), sym("app")});
}

TEST_CASE("dockerfile: token lines are 1-based") {
  CHECK(lines(lex_dockerfile, "# c\nFROM x\n\nRUN a \\\n  b\nCMD [\"c\"]") ==
        std::vector<std::uint32_t>{2, 2, 4, 4, 5, 6, 6});
}

TEST_CASE("dockerfile: a consumer image gives the expected symbols") {
  const auto symbols = dockerfile(kConsumerImage);
  CHECK(symbols.size() == 31);
  const std::vector<std::uint64_t> run = {sym("RUN"),     sym("pip"),
                                          sym("install"), sym("--no-cache-dir"),
                                          sym("-r"),      sym("requirements.txt"),
                                          sym("&&"),      sym("rm"),
                                          sym("-rf"),     sym("/root/.cache")};
  CHECK(std::vector(symbols.begin() + 13, symbols.begin() + 23) == run);
  CHECK(std::vector(symbols.end() - 3, symbols.end()) ==
        std::vector{sym("CMD"), sym("python"), sym("consumidor.py")});
  CHECK(symbols[9] == kNum);  // PYTHONUNBUFFERED=1
}

TEST_CASE("dockerfile: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    const auto file = tokenize(text, Channel::config, lex_dockerfile);
    bool in_text = file.tokens.size() <= text.size();
    for (const auto& token : file.tokens)
      in_text = in_text && token.offset <= text.size() && token.line >= 1;
    CHECK(in_text);
    return file.tokens.size();
  };
  CHECK(sane("RUN echo \"never closed\nUSER x") == 5);
  CHECK(sane("RUN <<EOF\nnever closed\n") == 3);
  CHECK(sane("RUN a \\") == 2);
  CHECK(sane("CMD [\"never closed") == 3);
  CHECK(sane("CMD [\"a\" ]") == 2);
  CHECK(sane(std::string("FROM\0a \0", 8)) == 1);
  std::mt19937 random(19);
  std::string noise(1 << 16, '\0');
  for (auto& byte : noise) byte = static_cast<char>(random());
  sane(noise);
  std::string long_line = "RUN";
  while (long_line.size() < (1 << 20)) long_line += " a \\\n";
  CHECK(sane(long_line) == 1 + (long_line.size() - 3) / 5);
  std::string continued = "RUN a";
  while (continued.size() < (1 << 20)) continued += "\\\n\n#\n";
  CHECK(sane(continued) == 2);
}

}  // namespace
}  // namespace huella
