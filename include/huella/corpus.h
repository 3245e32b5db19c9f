// Corpus: finds the submissions of a cohort and the files of each, classified into channels.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "huella/channel.h"
#include "huella/ignore.h"
#include "huella/language.h"

namespace huella {

// flat: each subfolder of the cohort is a submission (id = folder name).
// forks: each subfolder is a fork checkout holding entregas/<module>/<student>/ and/or
// trabajo_final/<student>/ (id = <fork>/<student>).
enum class Layout { automatic, flat, forks };

struct DiscoveryOptions {
  Layout layout = Layout::automatic;
  std::string module;                       // forks: only entregas/<module>/ (may contain '/')
  std::uint64_t max_file_bytes = 2u << 20;  // larger text files are skipped
  // Files past this many in one submission (in walk order) are not read; reported once.
  std::uint32_t max_files = 10'000;
};

struct SourceFile {
  std::string path;  // relative to the submission, '/'-separated
  std::filesystem::path absolute;
  Channel channel;
  const Language* language;
  std::uint64_t size;
  std::string content_id = {};  // a key of the bytes known before reading them (a git blob id)
};

struct SkippedFile {
  std::string path;      // relative to the submission; folders end with '/'
  std::string reason;    // one line, for people
  bool problem = false;  // a fault to tell the user about, not a routine exclusion
};

struct Submission {
  std::string id;
  std::string archive;  // the earlier cohort's name, for an archived submission
  std::filesystem::path root;
  std::vector<SourceFile> files;  // sorted by path
  std::vector<SkippedFile> skipped;
};

struct Cohort {
  Layout layout = Layout::flat;
  std::vector<Submission> submissions;  // sorted by id
};

// Why a folder is never part of a submission (VCS, dependencies, caches...), or "" to descend.
std::string skipped_folder_reason(std::string_view name);
// Why a file is skipped before reading it (Spark outputs, OS metadata...), or "".
std::string skipped_file_reason(std::string_view name);

// Walks `root` as one submission. Symbolic links are never followed out of `root`.
Submission discover_submission(const std::filesystem::path& root, std::string id,
                               const DiscoveryOptions& options,
                               const IgnoreRules& ignore = {}, std::string_view ignore_prefix = {});

// A single file handed in as a one-file submission (for `huella compare FILE FILE`).
Submission single_file_submission(const std::filesystem::path& file, std::string id);

// Finds the submissions under `root` (reading `<root>/.huellaignore`). Throws
// std::runtime_error with a one-line message when `root` is not a readable folder.
Cohort discover_cohort(const std::filesystem::path& root, const DiscoveryOptions& options);

Layout detect_layout(const std::filesystem::path& root);

// The name results give a source folder or file: its last path component.
std::string source_name(const std::filesystem::path& path);

// The reference documents under `path` (a file, or a folder walked like a submission): files that
// differ only by extension (dashboard_iss.md, .html, .png) form one document, its id
// "<folder name>/<path without extension>" (a file: its name without extension). Throws
// std::runtime_error when `path` does not exist.
std::vector<Submission> discover_references(const std::filesystem::path& path,
                                            const DiscoveryOptions& options);

// The submissions of an earlier cohort, ids prefixed "<archive name>/". Throws as discover_cohort.
std::vector<Submission> discover_archive(const std::filesystem::path& path,
                                         const DiscoveryOptions& options);

}  // namespace huella
