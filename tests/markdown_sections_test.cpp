#include <doctest/doctest.h>

#include "huella/markdown.h"

using huella::markdown_sections;

TEST_CASE("markdown sections: PROMPTS.md parts, challenges and label lines nest by level") {
  const std::string text =
      "# PROMPTS - Streaming y Cloud\n"          // 1
      "**Alumno:** Ana\n"                       // 2: a field, not a label line
      "## Parte 1: Mis Prompts\n"               // 3
      "### Reto 1: Levantar Kafka\n"            // 4
      "mi prompt\n"                             // 5
      "**Respuesta de la IA:**\n"               // 6
      "usa docker\n"                            // 7
      "**Resultado:**\n"                        // 8
      "- [x] Funciono\n"                        // 9
      "## Parte 3: Reflexion\n"                 // 10
      "### Que aprendi\n"                       // 11
      "mucho\n";                                // 12
  const auto s = markdown_sections(text);
  REQUIRE(s.size() == 7);
  CHECK(s[0].title == "PROMPTS - Streaming y Cloud");
  CHECK(s[0].last_line == 12);
  CHECK(s[1].title == "Parte 1: Mis Prompts");
  CHECK(s[1].first_line == 3);
  CHECK(s[1].last_line == 9);
  CHECK(s[3].title == "Parte 1: Mis Prompts › Reto 1: Levantar Kafka › Respuesta de la IA");
  CHECK(s[3].level == 4);
  CHECK(s[3].first_line == 6);
  CHECK(s[3].last_line == 7);
  CHECK(s[4].first_line == 8);
  CHECK(s[4].last_line == 9);
  CHECK(s[6].title == "Parte 3: Reflexion › Que aprendi");
  CHECK(s[6].last_line == 12);
}

TEST_CASE("markdown sections: headings inside code fences are not headings") {
  const auto s = markdown_sections("## A\n```bash\n# comentario\n```\n## B\n");
  REQUIRE(s.size() == 2);
  CHECK(s[0].title == "A");
  CHECK(s[0].last_line == 4);
  CHECK(s[1].title == "B");
}

TEST_CASE("markdown sections: no headings, no sections, closing hashes are dropped") {
  CHECK(markdown_sections("texto suelto\nsin titulos").empty());
  CHECK(markdown_sections("### Titulo ###").front().title == "Titulo");
  CHECK(markdown_sections("#hashtag").empty());
}
