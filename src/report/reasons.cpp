#include <cmath>
#include <string>

#include "huella/report.h"
#include "words.h"

namespace huella {
namespace {

std::string percent(double x) { return std::to_string(static_cast<int>(std::lround(x * 100))) + "%"; }

std::string_view channel_word(Channel c, ReportLanguage language) {
  constexpr std::array<std::string_view, kChannelCount> es = {"código", "terraform", "configuración",
                                                              "prosa", "capturas", "otros"};
  constexpr std::array<std::string_view, kChannelCount> en = {"code", "terraform", "config",
                                                              "prose", "screenshots", "other"};
  return (language == ReportLanguage::es ? es : en)[channel_index(c)];
}

// The words of the findings list, so a finding reads the same everywhere.
std::string finding_words(const Reason& r, ReportLanguage language) {
  const auto& w = words(language);
  const auto count = std::to_string(std::lround(r.value));
  if (r.subject == "unfilled_template") return std::string(w.unfilled_template) + " " + percent(r.value);
  if (r.subject == "hidden_text") return std::string(w.hidden_text) + " " + count;
  if (r.subject == "invisible_characters") return count + " " + std::string(w.invisible_characters);
  if (r.subject == "professor_file") return std::string(w.professor_file) + " " + percent(r.value);
  return r.subject;
}

}  // namespace

std::string reason_text(const Reason& r, ReportLanguage language) {
  const bool es = language == ReportLanguage::es;
  const std::string channel(channel_word(r.channel, language));
  const std::string side = r.side == 'b' ? "B" : "A";
  const std::string other = r.side == 'b' ? "A" : "B";
  switch (r.kind) {
    case Reason::Kind::overall:
      return es ? percent(r.value) + " de todo el material en común (huellas)"
                : percent(r.value) + " of all material shared (fingerprints)";
    case Reason::Kind::fingerprints:
      return es ? channel + ": " + percent(r.value) + " idéntico (huellas)"
                : channel + ": " + percent(r.value) + " identical (fingerprints)";
    case Reason::Kind::cosine:
      return es ? channel + ": coseno TF-IDF " + percent(r.value) + " (reescrito o reordenado)"
                : channel + ": TF-IDF cosine " + percent(r.value) + " (rewritten or reordered)";
    case Reason::Kind::literals:
      return es ? channel + ": " + percent(r.value) + " de los valores literales en común (los pares inocentes llegan al " +
                      percent(r.noise) + ")"
                : channel + ": " + percent(r.value) + " of literal values shared (innocent pairs reach " +
                      percent(r.noise) + ")";
    case Reason::Kind::section:
      return es ? "sección «" + r.subject + "» de " + side + ": " + percent(r.value) + " idéntica en " + other
                : side + "'s section “" + r.subject + "”: " + percent(r.value) + " identical in " + other;
    case Reason::Kind::images:
      return es ? std::to_string(r.count) + (r.count == 1 ? " captura compartida" : " capturas compartidas") +
                      " (similitud " + percent(r.value) + ")"
                : std::to_string(r.count) + (r.count == 1 ? " screenshot shared" : " screenshots shared") +
                      " (similarity " + percent(r.value) + ")";
    case Reason::Kind::metadata:
      return es ? std::to_string(r.count) + " metadatos raros de imagen en común (" + r.subject + ")"
                : std::to_string(r.count) + " rare image metadata values shared (" + r.subject + ")";
    case Reason::Kind::fragment:
      return es ? "fragmento más largo: " + std::to_string(r.count) + " tokens (" + r.subject + ")"
                : "longest fragment: " + std::to_string(r.count) + " tokens (" + r.subject + ")";
    case Reason::Kind::file:
      return es ? "archivo " + r.subject + " de " + side + ": " + percent(r.value) + " de sus " +
                      std::to_string(r.count) + " huellas en " + other
                : side + "'s file " + r.subject + ": " + percent(r.value) + " of its " +
                      std::to_string(r.count) + " fingerprints in " + other;
    case Reason::Kind::finding:
      return side + ": " + finding_words(r, language);
  }
  return {};
}

}  // namespace huella
