#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "huella/hidden_text.h"

using huella::find_hidden_text;
using huella::HiddenTextLimits;

namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlSafe =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64(std::string_view bytes, std::string_view alphabet = kStandard, bool pad = true) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k)
      group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k) {
      if (k <= n)
        out += alphabet[(group >> (18 - 6 * k)) & 63];
      else if (pad)
        out += '=';
    }
  }
  return out;
}

// Lines of `width` characters, each between `before` and `after`, as base64 tools print them.
std::string wrap(std::string_view encoded, std::size_t width, std::string_view before = "",
                 std::string_view after = "") {
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += width)
    out.append(before).append(encoded.substr(i, width)).append(after).append("\n");
  return out;
}

// About 9 KB of Spanish prose, accents and ñ included, no sentence repeated word for word.
std::string spanish_prose(std::size_t at_least = 9000) {
  const std::vector<std::string> sentences = {
      "Estudio Estadistica y siempre trabaje con datos quietos, un CSV que no cambia.",
      "Ver el consumidor imprimiendo lineas a medida que llegan me hizo pensar en la ventana.",
      "¿Que hago con un sismo que el servicio corrige diez minutos despues?",
      "Del lado de la nube, lo que mas me sirvio fue escribir la política restringida.",
      "Es poco código pero te obliga a pensar qué puede hacer exactamente cada pieza.",
      "El año pasado no sabía qué era un tópico; ahora lo explico con un ejemplo pequeño.",
      "Meteria el productor y el consumidor como servicios en el mismo archivo de compose.",
  };
  std::string prose;
  for (int paragraph = 1; prose.size() < at_least; ++paragraph) {
    prose += "Parrafo " + std::to_string(paragraph) + ". ";
    for (std::size_t i = 0; i < sentences.size(); ++i)
      prose += sentences[(i + static_cast<std::size_t>(paragraph)) % sentences.size()] + " ";
    prose += "\n\n";
  }
  return prose;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

TEST_CASE("hidden text: a wrapped 9 KB Spanish prose blob in Markdown is found at its line") {
  const std::string prose = spanish_prose();
  const std::string blob = wrap(base64(prose), 76);
  const std::string markdown =
      "## Parte 3: Reflexion\n"
      "\n"
      "Texto codificado, ver decodificar.py:\n"
      "```\n" +
      blob + "```\n\nFin.\n";
  const auto hidden = find_hidden_text(markdown);
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 5);
  CHECK(hidden[0].text == prose);
  CHECK(hidden[0].encoded_bytes == blob.size() - 1);  // the blob as written, without its last \n
}

TEST_CASE("hidden text: found inside a Python string, per line or triple-quoted") {
  const std::string prose = spanish_prose(600);
  const std::string encoded = base64(prose);
  const std::string per_line = "import base64\n\nTEXTO = (\n" + wrap(encoded, 64, "    \"", "\"") +
                               ")\nprint(base64.b64decode(TEXTO).decode())\n";
  auto hidden = find_hidden_text(per_line);
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 4);
  CHECK(hidden[0].text == prose);

  // The opening quote shortens the first line: only the next lines give the wrap width.
  const std::string triple_quoted = "TEXTO = b\"\"\"" + wrap(encoded.substr(0, 12), 12) +
                                    wrap(encoded.substr(12), 76) + "\"\"\"\n";
  hidden = find_hidden_text(triple_quoted);
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 1);
  CHECK(hidden[0].text == prose);
}

TEST_CASE("hidden text: found in an HTML comment, a Markdown quote and line comments") {
  const std::string prose = spanish_prose(400);
  const std::string encoded = base64(prose, kStandard, false);  // dashes touch the data
  const std::string touching = "# Titulo\n<!--" + encoded + "-->\nTexto visible.\n";
  auto hidden = find_hidden_text(touching);
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 2);
  CHECK(hidden[0].text == prose);
  CHECK(hidden[0].encoded_bytes == encoded.size());

  hidden = find_hidden_text("<!--\n" + wrap(encoded, 76) + "-->\n");
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 2);
  CHECK(hidden[0].text == prose);

  hidden = find_hidden_text("Mi reflexion:\n\n" + wrap(encoded, 76, "> "));
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 3);
  CHECK(hidden[0].text == prose);

  hidden = find_hidden_text("const x = 1;\n" + wrap(encoded, 64, "  // "));
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 2);
  CHECK(hidden[0].text == prose);
}

TEST_CASE("hidden text: the URL-safe alphabet and blobs without padding") {
  const std::string prose = "¿Qué aprendí? " + spanish_prose(500) + "ñ";
  const std::string url_safe = base64(prose, kUrlSafe, false);
  REQUIRE(url_safe.find_first_of("-_") != std::string::npos);
  REQUIRE(prose.size() % 3 != 0);
  auto hidden = find_hidden_text("token: " + url_safe + "\n");
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == prose);

  hidden = find_hidden_text("```\n" + wrap(base64(prose, kStandard, false), 76) + "```\n");
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == prose);
}

TEST_CASE("hidden text: hex hashes, identifiers, paths and URLs are not blobs") {
  const std::vector<std::string> lines = {
      "**Hash ID:** 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "sha512: cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
      "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
      "const thisIsAnExtremelyLongIdentifierNameThatSomeStudentsWrite"
      "WhenTheyWantToBeVeryVeryClearAboutIt = 1;",
      "def procesar_eventos_sismicos_del_feed_de_usgs_y_publicarlos"
      "_en_el_topic_de_kafka_con_reintentos():",
      "/home/estudiante/Documentos/Universidad/Cuatrimestre2/StreamingYCloud"
      "/Modulo08/kafka/productor",
      "C:\\Users\\estudiante\\Documentos\\Universidad\\StreamingYCloud"
      "\\Modulo09\\localstack\\lambdas",
      "https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/1.0_hour.geojson"
      "?formato=json&token=abc",
      "https://github.com/estudiante/streaming-y-cloud-entrega-final/blob/main/kafka/productor.py",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop",
  };
  const HiddenTextLimits low_minimum{32};  // so that the 64-digit hash is examined too
  std::string all;
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(find_hidden_text(line, low_minimum).empty());
    all += line + "\n";
  }
  CHECK(find_hidden_text(all, low_minimum).empty());
}

TEST_CASE("hidden text: image data URIs report nothing, text data URIs are read") {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 29);
  std::mt19937 random(11);
  while (png.size() < 300) png += static_cast<char>(random());
  const std::string png_markdown = "![captura](data:image/png;base64," + base64(png) + ")\n";
  CHECK(find_hidden_text(png_markdown).empty());

  // An SVG decodes to text but is a picture, so it is ignored like any image.
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\"><title>Logo del "
      "curso de streaming</title><circle cx=\"8\" cy=\"8\" r=\"8\"/></svg>";
  CHECK(find_hidden_text("<img src=\"data:image/svg+xml;base64," + base64(svg) + "\">").empty());

  const std::string prose = spanish_prose(200);
  const auto hidden = find_hidden_text("[nota](data:text/plain;base64," + base64(prose) + ")");
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == prose);
}

TEST_CASE("hidden text: blobs shorter than the minimum are ignored") {
  const std::string sentence = "Aprendi que Kafka guarda los mensajes en disco.";
  const std::string encoded = base64(sentence);
  REQUIRE(encoded.size() < 80);
  CHECK(find_hidden_text("nota: " + encoded + "\n").empty());
  const auto hidden = find_hidden_text("nota: " + encoded + "\n", HiddenTextLimits{40});
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == sentence);
}

TEST_CASE("hidden text: a blob that decodes to binary, repetition or too few letters is ignored") {
  std::mt19937 random(3);
  std::string noise(3000, '\0');
  for (auto& byte : noise) byte = static_cast<char>(random());
  CHECK(find_hidden_text("```\n" + wrap(base64(noise), 76) + "```\n").empty());
  CHECK(find_hidden_text(base64(std::string(300, '\0'))).empty());
  CHECK(find_hidden_text(std::string(220, '6') + "Cg").empty());  // one Hangul syllable, repeated
  CHECK(find_hidden_text(base64("3.14159 2.71828 1.41421 1.73205 2.23606 0.57721 1.61803 "
                                "4.66920 2.50290 0.91596 1.20205 1.30637 2.68545"))
            .empty());
}

TEST_CASE("hidden text: the decoded text is cut at the limit, on a character boundary") {
  const std::string prose = spanish_prose();
  const auto hidden = find_hidden_text(wrap(base64(prose), 76), HiddenTextLimits{80, 1001});
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text.size() <= 1001);
  CHECK(hidden[0].text.size() >= 998);
  CHECK(prose.starts_with(hidden[0].text));

  std::string years;
  for (int i = 0; i < 100; ++i) years += "año " + std::to_string(1900 + i) + " ";
  const auto cut = find_hidden_text(base64(years), HiddenTextLimits{80, 102});  // 102nd: ñ
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].text.size() == 101);
  CHECK(years.starts_with(cut[0].text));
}

TEST_CASE("hidden text: base64 text inside the decoded text is decoded once more") {
  const std::string prose = spanish_prose(500);
  const std::string script = "# nota\nTEXTO = \"" + base64(prose) + "\"\n";
  auto hidden = find_hidden_text(wrap(base64(script), 76));
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == "# nota\nTEXTO = \"" + prose + "\"\n");

  hidden = find_hidden_text(wrap(base64(base64(prose)), 76));
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == prose);

  // One level only: a third encoding stays encoded.
  hidden = find_hidden_text(base64(base64(base64(prose))));
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == base64(prose));
}

TEST_CASE("hidden text: words around a wrapped blob are not taken as its lines") {
  std::string prose = spanish_prose(800);
  while (prose.size() % 57 != 0) prose += ".";  // the last line is a full one, unpadded
  const std::string encoded = base64(prose);
  auto hidden = find_hidden_text("Aqui esta el texto de las responsabilidades\n" +
                                 wrap(encoded, 76) + "Fin\n");
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].line == 2);
  CHECK(hidden[0].text == prose);

  hidden = find_hidden_text("Adjunto:\n" + wrap(encoded, 76) + "\n" + wrap(encoded, 76));
  CHECK(hidden.size() == 2);
}

TEST_CASE("hidden text: JWT parts that decode to JSON may be reported as text") {
  const std::string payload =
      R"({"sub":"vera_tomas","nombre":"Tomas Vera","curso":"Streaming y Cloud","rol":"alumno"})";
  const std::string jwt = base64(R"({"alg":"HS256","typ":"JWT"})", kUrlSafe, false) + "." +
                          base64(payload, kUrlSafe, false) +
                          ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  const auto hidden = find_hidden_text("Authorization: Bearer " + jwt + "\n");
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == payload);
}

TEST_CASE("hidden text: hostile input finishes quickly") {
  const auto started = std::chrono::steady_clock::now();
  CHECK(find_hidden_text(std::string(2 << 20, 'Q')).empty());
  CHECK(find_hidden_text(wrap(std::string(2 << 20, 'A'), 76)).empty());
  CHECK(find_hidden_text(std::string(2 << 20, '=')).empty());
  std::string dashes;
  while (dashes.size() < (2 << 20)) dashes += "<!---->-- -";
  CHECK(find_hidden_text(dashes).empty());
  std::mt19937 random(5);
  std::string long_lines;
  for (int line = 0; line < 2; ++line) {
    for (int i = 0; i < (1 << 20); ++i) long_lines += kStandard[random() % 64];
    long_lines += '\n';
  }
  CHECK(find_hidden_text(long_lines).empty());
  std::string words;
  while (words.size() < (2 << 20)) words += "a b= ";
  CHECK(find_hidden_text(words).empty());
  std::string narrow_column;
  while (narrow_column.size() < (2 << 20)) narrow_column += "QUFB\n";
  CHECK(find_hidden_text(narrow_column).empty());
  // A huge valid blob is decoded only up to the limit.
  const std::string prose = spanish_prose(2 << 20);
  const auto hidden = find_hidden_text(wrap(base64(prose), 76));
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text.size() <= HiddenTextLimits{}.max_decoded_bytes);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  CHECK(elapsed < std::chrono::seconds(5));
}

TEST_CASE("hidden text: vera_tomas hides quiroga_elena's reflection word for word") {
  const std::filesystem::path cohort =
      std::filesystem::path(HUELLA_SOURCE_DIR) / "fixtures" / "cohort";
  const std::string original = read_file(cohort / "quiroga_elena" / "PROMPTS.md");
  const std::size_t begin = original.find("### Que aprendi");
  const std::size_t end = original.find("\n---", begin);
  REQUIRE(end != std::string::npos);
  const std::string reflection = original.substr(begin, end - begin);

  const std::string copy = read_file(cohort / "vera_tomas" / "PROMPTS.md");
  const auto line_of = [&](std::string_view heading) {
    const std::string_view before = std::string_view(copy).substr(0, copy.find(heading));
    return static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
  };
  const auto hidden = find_hidden_text(copy);
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].text == reflection);
  CHECK(hidden[0].line > line_of("## Parte 3: Reflexion"));
  CHECK(hidden[0].line < line_of("## Parte 4"));
  CHECK(find_hidden_text(original).empty());
}
