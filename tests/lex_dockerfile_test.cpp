// The Dockerfile lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> dockerfile(std::string_view text) {
  return symbols(lex_dockerfile, text, Channel::config);
}

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
  CHECK(dockerfile("ENV BUCKET=datos") == std::vector{sym("ENV"), id(), sym("="), sym("datos")});
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
        std::vector{sym("RUN"), sym("<<"), str(), sym("USER"), sym("app")});
  CHECK(dockerfile("COPY <<EOF /app/conf\nkey=value\nEOF\n") ==
        std::vector{sym("COPY"), sym("<<"), sym("/app/conf"), str()});
  CHECK(dockerfile("RUN echo \"a<<b\"\nUSER app") ==
        std::vector{sym("RUN"), sym("echo"), str(), sym("USER"), sym("app")});
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
  CHECK(symbols[9] == num());  // PYTHONUNBUFFERED=1
}

TEST_CASE("dockerfile: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    return check_sane_tokens(tokenize(text, Channel::config, lex_dockerfile), text);
  };
  CHECK(sane("RUN echo \"never closed\nUSER x") == 5);
  CHECK(sane("RUN <<EOF\nnever closed\n") == 3);
  CHECK(sane("RUN a \\") == 2);
  CHECK(sane("CMD [\"never closed") == 3);
  CHECK(sane("CMD [\"a\" ]") == 2);
  CHECK(sane(std::string("FROM\0a \0", 8)) == 1);
  sane(random_bytes(19, 1 << 16));
  const auto long_line = long_input("RUN", " a \\\n");
  CHECK(sane(long_line) == 1 + (long_line.size() - 3) / 5);
  const auto continued = long_input("RUN a", "\\\n\n#\n");
  CHECK(sane(continued) == 2);
}

}  // namespace
}  // namespace huella::test
