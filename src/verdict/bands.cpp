#include "huella/verdict.h"

namespace huella {

Verdict verdict_from_name(std::string_view name) {
  for (const auto v : {Verdict::similar_parcial, Verdict::muy_similar, Verdict::copia})
    if (verdict_name(v) == name) return v;
  return Verdict::original;
}

Verdict band_of(double score, const VerdictBands& bands) {
  if (score >= bands.copia) return Verdict::copia;
  if (score >= bands.muy_similar) return Verdict::muy_similar;
  if (score >= bands.similar_parcial) return Verdict::similar_parcial;
  return Verdict::original;
}

}  // namespace huella
