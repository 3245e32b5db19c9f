#include <doctest/doctest.h>

#include "huella/verdict.h"

using namespace huella;

TEST_CASE("bands follow the course policy, a score at a bound in the higher band") {
  const VerdictBands policy;
  CHECK(band_of(0.0, policy) == Verdict::original);
  CHECK(band_of(0.2499, policy) == Verdict::original);
  CHECK(band_of(0.25, policy) == Verdict::similar_parcial);
  CHECK(band_of(0.4999, policy) == Verdict::similar_parcial);
  CHECK(band_of(0.50, policy) == Verdict::muy_similar);
  CHECK(band_of(0.7999, policy) == Verdict::muy_similar);
  CHECK(band_of(0.80, policy) == Verdict::copia);
  CHECK(band_of(1.0, policy) == Verdict::copia);
  CHECK(verdict_name(Verdict::muy_similar) == "muy_similar");
}

TEST_CASE("bands are configurable") {
  const VerdictBands strict{0.1, 0.2, 0.3};
  CHECK(band_of(0.15, strict) == Verdict::similar_parcial);
  CHECK(band_of(0.3, strict) == Verdict::copia);
}
