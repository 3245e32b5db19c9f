#include <doctest/doctest.h>

#include <vector>

#include "huella/normalize.h"

using huella::fold_word;

namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  huella::for_each_word(text, [&](std::string_view, const std::string& folded, bool is_number) {
    out.push_back(is_number ? "#" : folded);
  });
  return out;
}

}  // namespace

TEST_CASE("normalize: case and accents fold, but ñ stays a letter of its own") {
  CHECK(fold_word("Reflexión") == "reflexion");
  CHECK(fold_word("ÁRBOL") == "arbol");
  CHECK(fold_word("año") == "año");
  CHECK(fold_word("AÑO") == "año");
  CHECK(fold_word("año") != fold_word("ano"));
  CHECK(fold_word("pingüino") == "pinguino");
}

TEST_CASE("normalize: compatibility forms fold to their plain letters") {
  CHECK(fold_word("ｋａｆｋａ") == "kafka");  // full-width
  CHECK(fold_word("ﬁn") == "fin");           // ligature
}

TEST_CASE("normalize: Cyrillic and Greek look-alikes match their Latin letters") {
  CHECK(fold_word("k\u0430fk\u0430") == "kafka");         // Cyrillic а
  CHECK(fold_word("\u0440r\u043Educt\u043Er") == "productor");  // р, о
  CHECK(fold_word("c\u03BFnsumidor") == "consumidor");   // Greek ο
  CHECK(fold_word("\u0421\u0415RO") == "cero");           // Cyrillic С, Е
}

TEST_CASE("normalize: invisible characters vanish and do not split words") {
  CHECK(words("apren\u200Bdí so\u00ADbre ka\u200Dfka") == std::vector<std::string>{"aprendi", "sobre", "kafka"});
  CHECK(huella::is_invisible(0x200B));
  CHECK(huella::is_invisible(0xFEFF));
  CHECK_FALSE(huella::is_invisible(U'a'));
  CHECK(huella::count_invisible("a\u200Bb\u200Cc\u200Dd") == 3);
}

TEST_CASE("normalize: words come from ICU's word breaks, punctuation goes, numbers are marked") {
  CHECK(words("¿Qué es Kafka? Un broker, ¡rápido! 4.5 grados") ==
        std::vector<std::string>{"que", "es", "kafka", "un", "broker", "rapido", "#", "grados"});
}

TEST_CASE("normalize: the word's view points into the text, invisible characters included") {
  const std::string text = "hola mun\u200Bdo";
  std::vector<std::string_view> views;
  huella::for_each_word(text, [&](std::string_view at, const std::string&, bool) { views.push_back(at); });
  REQUIRE(views.size() == 2);
  CHECK(views[1] == "mun\u200Bdo");
  CHECK(views[1].data() == text.data() + 5);
}
