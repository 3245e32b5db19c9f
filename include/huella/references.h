// References: a submission against one document of the professor's reference material.
//
// The pair's figures say how much of the submission comes from the document; the per-file
// figures say which student file is which reference file. The verdict follows the highest
// per-file figure, because one copied dashboard is the offence even when the rest of the
// submission is the student's own.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "huella/fingerprint.h"
#include "huella/index.h"
#include "huella/similarity.h"
#include "huella/verdict.h"

namespace huella {

// One student file against one reference file.
struct ReferenceFileMatch {
  std::uint32_t file;            // index into the submission's files
  std::uint32_t reference_file;  // index into the reference document's files
  double similarity;             // 2|F∩R| / (|F| + |R|); a matched image counts 1
  double coverage;               // |F∩R| / |F|: the share of the student file from the reference
};

struct ReferenceResult {
  PairResult pair;  // a: the submission; b: the reference document (CohortResult indices)
  std::vector<ReferenceFileMatch> files;  // highest similarity first, then file indices
  double highest = 0;                     // the highest per-file similarity
  Verdict verdict = Verdict::original;
};

// Per pair of files sharing counted fingerprints (same channel), and per image match, of a
// submission (`files[i]`: fingerprints of its file i) and a reference document.
std::vector<ReferenceFileMatch> reference_file_matches(
    std::span<const std::span<const Fingerprint>> files,
    std::span<const std::span<const Fingerprint>> reference_files,
    std::span<const ImageMatch> image_matches, const CohortIndex& index);

// The pair with its file figures and the verdict of the highest of them.
ReferenceResult judge_reference(PairResult pair, std::vector<ReferenceFileMatch> files,
                                const VerdictBands& bands);

}  // namespace huella
