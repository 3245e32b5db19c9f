// huella-bench-throughput: single-threaded lexing and fingerprinting speed, per language.
//
// Every file is read and decoded up front, so the figures hold only the CPU work of the two
// per-file stages, never the disk. MB are 10^6 bytes of decoded text.
#include <time.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "huella/fingerprint.h"
#include "huella/language.h"
#include "huella/lex.h"
#include "huella/text.h"

namespace fs = std::filesystem;

namespace {

struct LanguageFiles {
  const huella::Language* language = nullptr;
  std::vector<std::string> texts;
  std::uint64_t bytes = 0;
};

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Files huella would lex, grouped by language name; undecodable files are left out as huella does.
std::map<std::string_view, LanguageFiles> load_folder(const fs::path& root) {
  std::map<std::string_view, LanguageFiles> by_language;
  for (const auto& entry :
       fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied)) {
    if (!entry.is_regular_file()) continue;
    const auto* language = huella::language_for_file(entry.path().filename().string());
    if (language == nullptr || language->lex == nullptr) continue;
    auto decoded = huella::decode_text(read_bytes(entry.path()));
    if (!decoded.ok) continue;
    auto& group = by_language[language->name];
    group.language = language;
    group.bytes += decoded.decoded.text.size();
    group.texts.push_back(std::move(decoded.decoded.text));
  }
  return by_language;
}

double thread_cpu_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Runs `pass` (one pass over every file) until `min_seconds` of this thread's CPU time have gone
// by; CPU seconds per pass. CPU time, not wall time, so that other work on the machine does not
// lower the figures.
template <typename Pass>
double seconds_per_pass(double min_seconds, Pass pass) {
  const double start = thread_cpu_seconds();
  std::uint64_t passes = 0;
  double elapsed = 0;
  do {
    pass();
    ++passes;
    elapsed = thread_cpu_seconds() - start;
  } while (elapsed < min_seconds);
  return elapsed / static_cast<double>(passes);
}

// Results are stored where the compiler must assume they are read: no pass is optimized away.
volatile std::size_t result_sink;
void keep(std::size_t result) { result_sink = result; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: huella-bench-throughput FOLDER [MIN_SECONDS]\n"
                 "Lexing and lexing+winnowing speed per language, on one core.\n";
    return 2;
  }
  const fs::path root = argv[1];
  const double min_seconds = argc == 3 ? std::stod(argv[2]) : 1.0;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    std::cerr << root.string() << ": not a folder\n";
    return 2;
  }
  const auto by_language = load_folder(root);
  const huella::FingerprintParams params;
  // One empty base for every call, as the pipeline does; a default-constructed one per call
  // would add the allocation of its filter to every file.
  const huella::BaseMaterial no_base;

  std::printf("%-12s %7s %9s %11s %10s %15s %9s\n", "language", "files", "MB", "tokens",
              "MB/s lex", "MB/s lex+winnow", "ns/token");
  for (const auto& [name, group] : by_language) {
    const auto* language = group.language;
    std::uint64_t tokens = 0;
    for (const auto& text : group.texts)
      tokens += huella::tokenize(text, language->channel, language->lex).tokens.size();

    const double lex_seconds = seconds_per_pass(min_seconds, [&] {
      for (const auto& text : group.texts)
        keep(huella::tokenize(text, language->channel, language->lex).tokens.size());
    });
    const double winnow_seconds = seconds_per_pass(min_seconds, [&] {
      for (const auto& text : group.texts)
        keep(huella::winnow(huella::tokenize(text, language->channel, language->lex), params,
                            no_base)
                 .fingerprints.size());
    });
    const double megabytes = static_cast<double>(group.bytes) / 1e6;
    char ns_per_token[32] = "-";
    if (tokens > 0)
      std::snprintf(ns_per_token, sizeof ns_per_token, "%.1f",
                    lex_seconds * 1e9 / static_cast<double>(tokens));
    std::printf("%-12.*s %7zu %9.2f %11llu %10.1f %15.1f %9s\n", static_cast<int>(name.size()),
                name.data(), group.texts.size(), megabytes, static_cast<unsigned long long>(tokens),
                megabytes / lex_seconds, megabytes / winnow_seconds, ns_per_token);
  }
  return 0;
}
