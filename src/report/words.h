// Words of the human-facing reports, in Spanish and English.
#pragma once

#include <string_view>

#include "huella/report.h"

namespace huella {

struct ReportWords {
  std::string_view rank, a, b, similarity, coverage_a, coverage_b, longest, top_files, tokens,
      no_pairs, pairs_listed, of, submissions, fragment, lines, channel, shared_fingerprints,
      fragments_not_computed, more_fragments, section, shared_in_other, cosine, unfilled_template,
      invisible_characters, hidden_text, literals, image, distance, agreement, metadata, score,
      verdict, clusters, professor_file, reference, watermark, intact, damaged, bytes,
      unknown_source;
};

const ReportWords& words(ReportLanguage language);

// The nightly job's changes since the previous run.
struct ChangeWords {
  std::string_view fork_failed, since_run, first_run, new_submissions, changed_submissions,
      removed_submissions, new_flags, verdict_rises, before, nothing_new, first_seen, earlier_in,
      at_once, cache, of, analyzed;
};

const ChangeWords& change_words(ReportLanguage language);

}  // namespace huella
