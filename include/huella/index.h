// Index: the inverted index from fingerprint to submissions, candidate pairs and fragments.
//
// Candidate pairs come only from fingerprints two submissions share, never from a scan of all
// n² pairs, and are streamed rather than stored: work grows with the input plus the sum over
// fingerprints of (submissions holding it)², memory with the input alone.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <unordered_set>
#include <vector>

#include "huella/channel.h"
#include "huella/fingerprint.h"

namespace huella {

struct IndexParams {
  // A fingerprint (or feature) found in more submissions than frequency_cut() is boilerplate
  // everybody shares (MOSS's -m), dropped from every count.
  double max_share = 0.2;
  std::uint32_t min_count_to_drop = 5;
  std::uint32_t max_count = 100;  // no copy ring is this large; bounds the work per fingerprint

  // max(min_count_to_drop, min(max_share × submissions, max_count))
  std::uint32_t frequency_cut(std::uint32_t submissions) const {
    const auto by_share = static_cast<std::uint32_t>(std::ceil(max_share * submissions));
    return std::max(min_count_to_drop, std::min(by_share, max_count));
  }
};

// The fingerprints of one file and the submission it belongs to.
struct IndexedFile {
  std::uint32_t submission;
  std::span<const Fingerprint> fingerprints;
};

// Distinct fingerprints two submissions share, per channel.
struct CandidatePair {
  std::uint32_t a, b;  // submission indices, a < b
  std::array<std::uint32_t, kChannelCount> shared{};
};

// What the index costs, per fingerprint handed to it: the bench's bytes-per-fingerprint figures.
struct IndexFootprint {
  std::size_t fingerprints = 0;  // every fingerprint of every file, repeats included
  std::size_t build_bytes = 0;   // sorted postings while building, freed before any pair is formed
  std::size_t held_bytes = 0;    // what the index keeps: groups of sharers, per-submission counts
};

class CohortIndex {
 public:
  // Submissions from `cohort_size` on are outside sources (references, archives): they pair
  // with the cohort, never with each other.
  CohortIndex(std::span<const IndexedFile> files, std::uint32_t submission_count,
              const IndexParams& params,
              std::uint32_t cohort_size = std::numeric_limits<std::uint32_t>::max());

  // Distinct fingerprints of a submission in a channel, after the frequency cut.
  std::uint32_t distinct(std::uint32_t submission, Channel channel) const {
    return distinct_[submission][channel_index(channel)];
  }
  // Calls `visit` for every pair sharing at least one kept fingerprint, concurrently from
  // several threads (`visit` must be thread-safe), in no particular order.
  void for_each_candidate(const std::function<void(const CandidatePair&)>& visit) const;
  // Whether a fingerprint counts (not too frequent).
  bool counts(std::uint64_t hash) const { return !frequent_.contains(hash); }
  std::size_t frequent_count() const { return frequent_.size(); }
  std::uint32_t frequency_cut() const { return frequency_cut_; }
  std::uint32_t cohort_size() const { return cohort_size_; }
  IndexFootprint footprint() const;

 private:
  std::vector<std::array<std::uint32_t, kChannelCount>> distinct_;
  // Groups of two or more submissions sharing a kept (hash, channel): members and channel.
  std::vector<std::uint32_t> group_start_;  // group g's members: [start[g], start[g + 1])
  std::vector<std::uint32_t> group_members_;
  std::vector<Channel> group_channel_;
  // The groups each submission is in: [start[s], start[s + 1]) of submission_groups_.
  std::vector<std::uint32_t> submission_start_;
  std::vector<std::uint32_t> submission_groups_;
  std::unordered_set<std::uint64_t> frequent_;
  std::uint32_t frequency_cut_;
  std::size_t fingerprints_ = 0;
  std::uint32_t cohort_size_;
};

// A maximal run of fingerprints shared in order by two files, as line ranges on both sides.
struct Fragment {
  Channel channel;
  std::uint32_t a_file, b_file;  // indices into each submission's files
  std::uint32_t a_first_line, a_last_line;
  std::uint32_t b_first_line, b_last_line;
  std::uint32_t tokens;  // tokens covered on side a
};

// Fragments between the files of two submissions, longest first. `a_files[i]` are the
// fingerprints of file i of submission a. Only fingerprints the index counts are matched.
std::vector<Fragment> match_fragments(std::span<const std::span<const Fingerprint>> a_files,
                                      std::span<const std::span<const Fingerprint>> b_files,
                                      const CohortIndex& index, std::uint32_t k);

}  // namespace huella
