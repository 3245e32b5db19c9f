#include "words.h"

namespace huella {

const ReportWords& words(ReportLanguage language) {
  static const ReportWords es{"#", "A", "B", "similitud", "cobertura A", "cobertura B",
                              "fragmento mayor", "archivos principales", "tokens",
                              "Ningún par comparte huellas.", "pares listados", "de",
                              "entregas", "Fragmento", "líneas", "canal", "huellas compartidas",
                              "fragmentos no calculados para este par", "fragmentos más",
                              "Sección", "compartida con el otro", "coseno",
                              "entregada casi sin rellenar: plantilla",
                              "caracteres invisibles (de ancho cero u ocultos)",
                              "texto oculto en base64, comparado como prosa; línea",
                              "literales", "imagen", "distancia", "coincide", "metadatos",
                              "puntuación", "veredicto", "grupos",
                              "entregado sin cambios: archivo del profesor", "referencia",
                              "marca de agua", "intacta", "dañada", "bytes", "origen desconocido"};
  static const ReportWords en{"#", "A", "B", "similarity", "coverage A", "coverage B",
                              "longest fragment", "top files", "tokens",
                              "No pair shares a fingerprint.", "pairs listed", "of",
                              "submissions", "Fragment", "lines", "channel", "shared fingerprints",
                              "fragments not computed for this pair", "more fragments",
                              "Section", "shared with the other", "cosine",
                              "handed in nearly unfilled: template",
                              "invisible characters (zero-width or hidden)",
                              "text hidden as base64, compared as prose; line", "literals",
                              "image", "distance", "agreement", "metadata", "score",
                              "verdict", "clusters", "handed in unchanged: the professor's file",
                              "reference", "watermark", "intact", "damaged", "bytes",
                              "unknown source"};
  return language == ReportLanguage::es ? es : en;
}

const ChangeWords& change_words(ReportLanguage language) {
  static const ChangeWords es{"Fork no leído:", "Cambios desde la ejecución",
                              "Primera ejecución (sin historial anterior):", "  Entregas nuevas",
                              "  Entregas cambiadas", "  Entregas desaparecidas",
                              "  Pares señalados nuevos", "  Pares que suben de banda", "antes",
                              "nada nuevo", "Primera aparición", "antes en el fork",
                              "aparece a la vez en ambos",
                              "Caché: archivos ya analizados", "de",
                              "leídos y tokenizados ahora"};
  static const ChangeWords en{"Fork not read:", "Changes since run", "First run (no earlier history):",
                              "  New submissions", "  Changed submissions", "  Removed submissions",
                              "  Newly flagged pairs", "  Pairs whose verdict rose", "before",
                              "nothing new", "First seen", "earlier in fork",
                              "appears in both at the same time",
                              "Cache: files analyzed before", "of", "read and tokenized now"};
  return language == ReportLanguage::es ? es : en;
}

}  // namespace huella
