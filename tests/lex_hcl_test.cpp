// The HCL / Terraform lexer's matching form, as a specification.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> hcl(std::string_view text) {
  return symbols(lex_hcl, text, Channel::terraform);
}

constexpr std::string_view kBucketAndLambda = R"(
resource "aws_s3_bucket" "datos" {
  bucket = "iss-posiciones"
  tags = {
    Name    = "datos"
    Entorno = "dev"
  }
}

resource "aws_lambda_function" "guardar" {
  function_name = "guardar-posicion"
  runtime       = "python3.9"
  handler       = "main.handler"
  timeout       = 10
  role          = aws_iam_role.rol.arn
  environment {
    variables = {
      BUCKET = aws_s3_bucket.datos.bucket
    }
  }
}
)";

TEST_CASE("hcl: renamed identifiers give the same symbols") {
  const auto renamed = hcl(R"(
resource "aws_s3_bucket" "bucket_posiciones" {
  bucket = "otro-nombre"
  tags = {
    Proyecto = "datos"
    Stage    = "dev"
  }
}

resource "aws_lambda_function" "lambda_guardar" {
  function_name = "otra-funcion"
  runtime       = "python3.12"
  handler       = "app.main"
  timeout       = 30
  role          = aws_iam_role.rol_de_lambda.arn
  environment {
    variables = {
      NOMBRE_BUCKET = aws_s3_bucket.bucket_posiciones.bucket
    }
  }
}
)");
  CHECK(hcl(kBucketAndLambda) == renamed);
  CHECK(hcl("variable \"region\" {}\noutput \"x\" { value = var.region }") ==
        hcl("variable \"zona\" {}\noutput \"y\" { value = var.zona }"));
  CHECK(hcl("locals {\n  prefijo = \"a\"\n}\nx = local.prefijo") ==
        hcl("locals {\n  prefix = \"a\"\n}\nx = local.prefix"));
}

TEST_CASE("hcl: comments and layout give the same symbols") {
  const auto commented =
      hcl("# a bucket\n"
          "resource \"aws_s3_bucket\" \"datos\" { // inline\n"
          "  /* block\n     comment */ bucket = \"b\"\n"
          "\n\n"
          "  force_destroy=true\n"
          "}\n");
  CHECK(commented ==
        hcl("resource \"aws_s3_bucket\" \"datos\" {\nbucket = \"b\"\nforce_destroy = true\n}"));
}

TEST_CASE("hcl: literal values are class symbols") {
  CHECK(hcl("timeout = 10") == hcl("timeout = 2.5e3"));
  CHECK(hcl("name = \"a\"") == hcl("name = \"${var.prefix}-${local.suffix}\""));
  CHECK(hcl("x = \"${lookup(var.m, \"k\", \"}\")}\"") == hcl("x = \"v\""));
  CHECK(hcl("policy = <<EOF\n{\"a\": 1}\nEOF\n") == hcl("policy = <<-JSON\n  {}\n  JSON\n"));
  CHECK(hcl("policy = <<EOF\nx\nEOF\n") == std::vector{id(), sym("="), str()});
}

TEST_CASE("hcl: schema words and operators are kept") {
  CHECK(hcl("a = b == c") != hcl("a = b != c"));
  CHECK(hcl("f {\n runtime = \"x\"\n}") != hcl("f {\n handler = \"x\"\n}"));
  CHECK(hcl("runtime = \"x\"") == hcl("handler = \"x\""));  // top level: tfvars names
  CHECK(hcl("x = jsonencode(y)") != hcl("x = yamlencode(y)"));
  CHECK(hcl("resource \"aws_s3_bucket\" \"b\" {}") != hcl("resource \"aws_sqs_queue\" \"b\" {}"));
  CHECK(hcl("resource \"t\" \"n\" {\n depends_on = [aws_iam_role.r]\n}") ==
        std::vector{sym("resource"), sym("t"), id(), sym("{"), sym("depends_on"), sym("="),
                    sym("["), sym("aws_iam_role"), sym("."), id(), sym("]"), sym("}")});
  CHECK(hcl("resource \"t\" \"n\" {\n count = 2\n}") == std::vector{sym("resource"), sym("t"), id(),
                                                                    sym("{"), sym("count"),
                                                                    sym("="), num(), sym("}")});
}

TEST_CASE("hcl: the order of attributes and blocks carries no meaning") {
  const auto original = hcl(
      "resource \"aws_s3_bucket\" \"datos\" {\n  bucket = \"x\"\n  force_destroy = true\n}\n"
      "resource \"aws_lambda_function\" \"f\" {\n  runtime = \"python3.11\"\n  handler = \"h\"\n"
      "  environment {\n    variables = { A = 1 }\n  }\n}\n");
  const auto reordered = hcl(
      "resource \"aws_lambda_function\" \"g\" {\n  environment {\n    variables = { B = 1 }\n  }\n"
      "  handler = \"h\"\n  runtime = \"python3.11\"\n}\n"
      "resource \"aws_s3_bucket\" \"bucket\" {\n  force_destroy = true\n  bucket = \"y\"\n}\n");
  CHECK(original == reordered);
  // Items named by the student keep their order, so renaming them cannot move them.
  CHECK(hcl("locals {\n a = 1\n b = \"x\"\n}") != hcl("locals {\n b = \"x\"\n a = 1\n}"));
  CHECK(hcl("locals {\n a = 1\n b = \"x\"\n}") == hcl("locals {\n zz = 1\n aa = \"x\"\n}"));
}

TEST_CASE("hcl: reordered tokens keep their own lines") {
  const auto file =
      tokenize("r \"t\" \"n\" {\n  zeta = 1\n  alfa = 2\n}\n", Channel::terraform, lex_hcl);
  std::vector<std::uint32_t> lines;
  for (const auto& t : file.tokens) lines.push_back(t.line);
  CHECK(std::is_permutation(lines.begin(), lines.end(),
                            std::vector<std::uint32_t>{1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4}.begin()));
  CHECK(lines.back() == 4);
}

TEST_CASE("hcl: literal values follow their tokens through nested reorderings") {
  // Blocks and attributes in reverse order at every level, each value on its own line.
  const std::string text =
      "resource \"zz_type\" \"b\" {\n  zeta = \"valor-1\"\n  inner {\n    ypsilon = \"valor-2\"\n"
      "    alfa = \"valor-3\"\n  }\n  alfa = \"valor-4\"\n}\n"
      "resource \"aa_type\" \"a\" {\n  zeta = 10\n  alfa = \"valor-6\"\n}\n";
  const auto file = tokenize(text, Channel::terraform, lex_hcl);
  const std::vector<std::pair<std::uint32_t, std::string>> value_on_line = {
      {2, "valor-1"}, {4, "valor-2"}, {5, "valor-3"}, {7, "valor-4"}, {10, "10"}, {11, "valor-6"}};
  REQUIRE(file.literals.size() == value_on_line.size());
  for (const auto& literal : file.literals) {
    const std::uint32_t line = file.tokens[literal.token].line;
    const auto expected = std::find_if(value_on_line.begin(), value_on_line.end(),
                                       [&](const auto& v) { return v.first == line; });
    REQUIRE(expected != value_on_line.end());
    CHECK(literal.value == TokenSink::symbol_of(expected->second));
  }
}

TEST_CASE("hcl: the type label is kept unquoted and the name label collapses") {
  const auto symbols = hcl("resource \"aws_s3_bucket\" \"datos\" {}");
  CHECK(symbols == std::vector{sym("resource"), sym("aws_s3_bucket"), id(), sym("{"), sym("}")});
  // The kept type equals the type in a reference.
  CHECK(hcl("x = aws_s3_bucket.datos.arn") ==
        std::vector{id(), sym("="), sym("aws_s3_bucket"), sym("."), id(), sym("."), sym("arn")});
  CHECK(hcl("data \"aws_iam_policy_document\" \"p\" {}")[1] == sym("aws_iam_policy_document"));
  CHECK(hcl("provider \"aws\" {}") == std::vector{sym("provider"), sym("aws"), sym("{"), sym("}")});
  CHECK(hcl("module \"red\" {\n source = \"./m\"\n}")[1] == id());
  CHECK(hcl("terraform {\n backend \"s3\" {}\n}")[3] == sym("s3"));
}

TEST_CASE("hcl: locals keys and user map keys collapse, schema keys stay") {
  const auto locals = hcl("locals {\n  nombre = \"x\"\n  puertos = { web = 80 }\n}");
  CHECK(locals == std::vector{sym("locals"), sym("{"), id(), sym("="), str(), id(), sym("="),
                              sym("{"), id(), sym("="), num(), sym("}"), sym("}")});
  CHECK(hcl("tags = { Name = \"a\", \"Team\" = \"b\" }") ==
        std::vector{id(), sym("="), sym("{"), id(), sym("="), str(), sym(","), id(), sym("="),
                    str(), sym("}")});
  const auto inside_block =
      hcl("resource \"a\" \"b\" {\n tags = merge(local.base, { Extra = 1 })\n}");
  CHECK(inside_block[4] == sym("tags"));
  CHECK(inside_block[13] == id());  // Extra: a tag name, even inside merge()
  const auto policy = hcl("resource \"a\" \"b\" {\n policy = jsonencode({ Version = \"1\" })\n}");
  CHECK(policy[9] == sym("Version"));  // IAM policy keys are schema
  CHECK(hcl("x {\n bucket = \"a\"\n}")[2] == sym("bucket"));
}

TEST_CASE("hcl: references keep their shape") {
  CHECK(hcl("v = var.x") == std::vector{id(), sym("="), sym("var"), sym("."), id()});
  CHECK(hcl("v = module.red.vpc_id") ==
        std::vector{id(), sym("="), sym("module"), sym("."), id(), sym("."), sym("vpc_id")});
  CHECK(hcl("v = data.aws_caller_identity.actual.account_id") ==
        std::vector{id(), sym("="), sym("data"), sym("."), sym("aws_caller_identity"), sym("."),
                    id(), sym("."), sym("account_id")});
  CHECK(hcl("v = each.key") == std::vector{id(), sym("="), sym("each"), sym("."), sym("key")});
  CHECK(hcl("v = count.index") ==
        std::vector{id(), sym("="), sym("count"), sym("."), sym("index")});
  CHECK(hcl("v = aws_instance.web[0].id") == std::vector{id(), sym("="), sym("aws_instance"),
                                                         sym("."), id(), sym("["), num(), sym("]"),
                                                         sym("."), sym("id")});
  CHECK(hcl("v = [for s in var.subredes : s.id if s.publica]") ==
        hcl("v = [for x in var.nets : x.id if x.publica]"));
  CHECK(hcl("v = { for k, v in var.m : k => v }") ==
        std::vector{id(), sym("="), sym("{"), sym("for"), id(), sym(","), id(), sym("in"),
                    sym("var"), sym("."), id(), sym(":"), id(), sym("=>"), id(), sym("}")});
}

TEST_CASE("hcl: token lines are 1-based and follow heredocs") {
  CHECK(lines(lex_hcl, "a = 1\nb = <<EOF\nx\ny\nEOF\nc = 2") ==
        std::vector<std::uint32_t>{1, 1, 1, 2, 2, 2, 6, 6, 6});
}

TEST_CASE("hcl: a Terraform S3 and Lambda config gives the expected symbols") {
  const auto symbols = hcl(kBucketAndLambda);
  CHECK(symbols.size() == 56);
  const std::vector<std::uint64_t> head = {sym("resource"),
                                           sym("aws_s3_bucket"),
                                           id(),
                                           sym("{"),
                                           sym("bucket"),
                                           sym("="),
                                           str(),
                                           sym("tags"),
                                           sym("="),
                                           sym("{"),
                                           id(),
                                           sym("="),
                                           str()};
  CHECK(std::vector(symbols.begin(), symbols.begin() + 13) == head);
}

TEST_CASE("hcl: hostile input finishes with sane tokens") {
  const auto sane = [](std::string_view text) {
    return check_sane_tokens(tokenize(text, Channel::terraform, lex_hcl), text,
                             {.reordered = true});
  };
  CHECK(sane("x = \"unterminated\ny = 1") == 6);
  CHECK(sane("x = <<EOF\nnever closed\n") == 3);
  CHECK(sane("/* never closed\nx = 1") == 0);
  CHECK(sane("x = \"${ \"\n") == 3);
  CHECK(sane("}}}]]))) x = 1") == 11);
  CHECK(sane(std::string("a\0= \0 1", 7)) == 3);
  CHECK(sane("<<") == 2);
  sane(random_bytes(11, 1 << 16));
  const auto long_line = long_input("x = ", "a.b + ", "1");
  CHECK(sane(long_line) == 3 + (long_line.size() - 5) / 6 * 4);  // x = ... 1
  CHECK(sane(std::string(1 << 20, '{')) == 1 << 20);
  CHECK(sane(std::string(1 << 20, '"')) == 1 << 19);
}

}  // namespace
}  // namespace huella::test
