// The analysis cache's encoding: what goes in comes out, and damaged entries are refused.
#include <doctest/doctest.h>

#include "../src/cli/analyzed_file.h"

using huella::AnalyzedFile;

namespace {

AnalyzedFile sample() {
  AnalyzedFile f;
  f.ok = true;
  f.key = "0123456789abcdef0123456789abcdef";
  f.tokens = 812;
  f.replaced_bytes = 2;
  f.invisible_chars = 3;
  f.base_tokens = 40;
  f.fingerprints = {{0xdeadbeefULL, 5, 2, 4, huella::Channel::code}, {42, 9, 7, 7, huella::Channel::prose}};
  f.features.ngrams[0] = {{1, 2}, {7, 1}};
  f.features.literals[3] = {{99, 4}};
  f.sections = {{"Parte 1 › Reto", 3, 10, 20}};
  f.image.format = huella::ImageFormat::jpeg;
  f.image.width = 1280;
  f.image.height = 800;
  f.image.bytes_key = "bytes";
  f.image.pixels_key = "pixels";
  f.image.pdq = {1, 2, 3, 4};
  f.image.featureless = true;
  f.image.metadata = {{"exif:DateTimeOriginal", "2026:01:10 10:00:00"}};
  AnalyzedFile& hidden = f.hidden.emplace_back();
  hidden.ok = true;
  hidden.hidden_line = 95;
  hidden.hidden_text = "texto oculto";
  hidden.tokens = 3;
  return f;
}

}  // namespace

TEST_CASE("analysis cache: an entry decodes to the analysis it was made from") {
  const AnalyzedFile f = sample();
  AnalyzedFile back;
  REQUIRE(huella::decode_analysis(huella::encode_analysis(f), back));
  CHECK(back.key == f.key);
  CHECK(back.tokens == 812);
  CHECK(back.base_tokens == 40);
  REQUIRE(back.fingerprints.size() == 2);
  CHECK(back.fingerprints[0].hash == 0xdeadbeefULL);
  CHECK(back.fingerprints[1].channel == huella::Channel::prose);
  CHECK(back.features.ngrams[0] == f.features.ngrams[0]);
  CHECK(back.features.literals[3] == f.features.literals[3]);
  REQUIRE(back.sections.size() == 1);
  CHECK(back.sections[0].title == "Parte 1 › Reto");
  CHECK(back.sections[0].last_line == 20);
  CHECK(back.image.format == huella::ImageFormat::jpeg);
  CHECK(back.image.pdq == f.image.pdq);
  CHECK(back.image.featureless);
  CHECK(back.image.metadata[0].value == "2026:01:10 10:00:00");
  REQUIRE(back.hidden.size() == 1);
  CHECK(back.hidden[0].hidden_line == 95);
  CHECK(back.hidden[0].hidden_text == "texto oculto");
}

TEST_CASE("analysis cache: truncated, padded or foreign entries are refused") {
  const std::string entry = huella::encode_analysis(sample());
  AnalyzedFile back;
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, entry.size() / 2, entry.size() - 1})
    CHECK_FALSE(huella::decode_analysis(entry.substr(0, cut), back));
  CHECK_FALSE(huella::decode_analysis(entry + "x", back));
  std::string other_encoding = entry;
  other_encoding[0] = static_cast<char>(other_encoding[0] + 1);
  CHECK_FALSE(huella::decode_analysis(other_encoding, back));
}
