// The shell lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> shell(std::string_view text) { return symbols(lex_shell, text); }

constexpr std::string_view kDeployScript = R"(#!/bin/bash
# Deploys the lambda to LocalStack
set -euo pipefail
ENDPOINT=http://localhost:4566
zip -r lambda.zip lambdas/
aws --endpoint-url "$ENDPOINT" lambda create-function \
    --function-name guardar \
    --timeout 30
cat > evento.json <<EOF
{"bucket": "$BUCKET"}
EOF
echo "listo: ${ENDPOINT}"
)";

TEST_CASE("shell: renamed variables give the same symbols") {
  CHECK(shell("BUCKET=datos\necho $BUCKET ${BUCKET}\n") ==
        shell("NOMBRE=datos\necho $NOMBRE ${NOMBRE}\n"));
  CHECK(shell("export REGION=us-east-1") ==
        std::vector{sym("export"), id(), sym("="), sym("us-east-1")});
  CHECK(shell("for f in *.py; do echo $f; done") == shell("for x in *.py; do echo $x; done"));
  CHECK(shell("set X=1\necho %X%") == shell("set Y=1\necho %Y%"));  // batch files
}

TEST_CASE("shell: comments, blanks and continuations give the same symbols") {
  const auto commented = shell(
      "#!/bin/sh\n"
      "# install\n"
      "pip install   -r requirements.txt   # deps\n"
      "\n"
      "python app.py \\\n"
      "    --port 80\n");
  CHECK(commented == shell("pip install -r requirements.txt\npython app.py --port 80\n"));
  CHECK(shell("a=1 # x\r\nb=2\r\n") == shell("a=1\nb=2\n"));
  CHECK(shell("REM a batch comment\n:: another\necho hi") == shell("echo hi"));
  CHECK(shell("<# PowerShell\nblock #>\necho hi") == shell("echo hi"));
  CHECK(shell("echo a#b").size() == 2);  // `#` inside a word is no comment
}

TEST_CASE("shell: strings and numbers are class symbols") {
  CHECK(shell("echo \"hola\" 'x'") == shell("echo \"chau $X\" 'y'"));
  CHECK(shell("sleep 5") == shell("sleep 30"));
  CHECK(shell("docker run -p 8080:80 img") != shell("docker run -p 9090:80 img"));  // a word
  CHECK(shell("echo `date`") == std::vector{sym("echo"), str()});
}

TEST_CASE("shell: commands, flags and operators are kept") {
  CHECK(shell("rm -rf build") != shell("rm -r build"));
  CHECK(shell("a && b") != shell("a || b"));
  CHECK(shell("ls | grep x > out.txt 2>&1") == std::vector{sym("ls"), sym("|"), sym("grep"),
                                                           sym("x"), sym(">"), sym("out.txt"),
                                                           num(), sym(">&"), num()});
  CHECK(shell("echo $1 $@ $?") == std::vector{sym("echo"), sym("$1"), sym("$@"), sym("$?")});
  CHECK(shell("x=$(date +%s)") ==
        std::vector{id(), sym("="), sym("$("), sym("date"), sym("+%s"), sym(")")});
}

TEST_CASE("shell: heredoc bodies are one string token") {
  CHECK(shell("cat <<EOF\nline $X\n\"q\nEOF\necho done") ==
        std::vector{sym("cat"), sym("<<"), str(), sym("echo"), sym("done")});
  CHECK(shell("cat <<'EOF' > f\nx\nEOF\n") == shell("cat <<FIN > f\nother\ntext\nFIN\n"));
  CHECK(shell("cat <<-EOF\n\tbody\n\tEOF\nls") ==
        std::vector{sym("cat"), sym("<<-"), str(), sym("ls")});
  CHECK(shell("cat <<<\"$x\"") == std::vector{sym("cat"), sym("<<<"), str()});
}

TEST_CASE("shell: token lines are 1-based") {
  CHECK(lines(lex_shell, "a \\\n  b\ncat <<E\nx\nE\nc") ==
        std::vector<std::uint32_t>{1, 2, 3, 3, 4, 6});
}

TEST_CASE("shell: a deployment script gives the expected symbols") {
  const auto symbols = shell(kDeployScript);
  CHECK(symbols.size() == 26);
  const std::vector<std::uint64_t> aws_call = {
      sym("aws"),     sym("--endpoint-url"),  str(),
      sym("lambda"),  sym("create-function"), sym("--function-name"),
      sym("guardar"), sym("--timeout"),       num()};
  CHECK(std::vector(symbols.begin() + 10, symbols.begin() + 19) == aws_call);
}

TEST_CASE("shell: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    return check_sane_tokens(tokenize(text, Channel::code, lex_shell), text,
                             {.empty_token_at_end = true});
  };
  CHECK(sane("echo \"never closed\nls\n") == 2);
  CHECK(sane("cat <<EOF\nnever closed\n") == 3);
  CHECK(sane("echo ${X\nls") == 3);
  CHECK(sane("<# never closed") == 0);
  CHECK(sane("\\") == 0);
  CHECK(sane("$") == 1);
  CHECK(sane(std::string("a\0b \0 c", 7)) == 2);
  CHECK(sane("<<<<<<<<") == 3);
  sane(random_bytes(17, 1 << 16));
  const auto long_line = long_input("echo", " $A");
  CHECK(sane(long_line) == 1 + (long_line.size() - 4) / 3);
  CHECK(sane(std::string(1 << 20, '\'')) == 1 << 19);
  const auto heredocs = long_input("", "a <<E <<F <<G <<H <<I\n");
  sane(heredocs);
}

}  // namespace
}  // namespace huella::test
