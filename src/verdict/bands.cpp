#include "huella/verdict.h"

namespace huella {

Verdict band_of(double score, const VerdictBands& bands) {
  if (score >= bands.copia) return Verdict::copia;
  if (score >= bands.muy_similar) return Verdict::muy_similar;
  if (score >= bands.similar_parcial) return Verdict::similar_parcial;
  return Verdict::original;
}

}  // namespace huella
