#include "first_seen.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "huella/language.h"
#include "huella/text.h"

namespace huella {
namespace {

using Kgrams = std::vector<Fingerprint>;

// Every k-gram of a blob (a window of one keeps them all), by blob id, and the history of a
// path: each is read once however many fragments it holds.
class KgramReader {
 public:
  explicit KgramReader(const FingerprintParams& params) : params_{params.k, 1, params.min_novel_share} {}

  const std::vector<PathVersion>& history(const Repository& repo, const std::string& path) {
    auto [it, fresh] = histories_.try_emplace({&repo, path});
    if (fresh) it->second = path_history(repo, path);
    return it->second;
  }

  const Kgrams& of(const Repository& repo, const std::string& blob, const Language& language) {
    auto [it, fresh] = cache_.try_emplace({&repo, blob});
    if (!fresh) return it->second;
    auto read = decode_text(repo.read_blob(blob));
    if (read.ok && language.lex != nullptr)
      it->second = winnow(tokenize(read.decoded.text, language.channel, language.lex), params_).fingerprints;
    return it->second;
  }

 private:
  FingerprintParams params_;
  std::map<std::pair<const Repository*, std::string>, Kgrams> cache_;
  std::map<std::pair<const Repository*, std::string>, std::vector<PathVersion>> histories_;
};

std::unordered_set<std::uint64_t> hashes_within(const Kgrams& kgrams, std::uint32_t first,
                                                std::uint32_t last) {
  std::unordered_set<std::uint64_t> out;
  for (const auto& k : kgrams)
    if (k.first_line >= first && k.last_line <= last) out.insert(k.hash);
  return out;
}

// The first version of the file holding at least half of `shared`; the tip when none does.
Appearance first_appearance(KgramReader& reader, const SubmissionOrigin& origin,
                            const FileSummary& file, const Language& language,
                            const std::vector<std::uint64_t>& shared, std::uint32_t first_line,
                            std::uint32_t last_line) {
  Appearance out{origin.fork, file.path, first_line, last_line, {}, 0};
  const auto& history = reader.history(*origin.repo, origin.folder + "/" + file.path);
  for (const auto& version : history) {
    if (version.blob.empty()) continue;
    const auto& kgrams = reader.of(*origin.repo, version.blob, language);
    std::unordered_set<std::uint64_t> present;
    for (const auto& k : kgrams) present.insert(k.hash);
    const auto held = std::count_if(shared.begin(), shared.end(),
                                    [&](std::uint64_t h) { return present.contains(h); });
    if (2 * static_cast<std::size_t>(held) >= shared.size()) {
      out.commit = version.commit;
      out.time = version.time;
      return out;
    }
  }
  if (!history.empty()) {
    out.commit = history.back().commit;
    out.time = history.back().time;
  }
  return out;
}

}  // namespace

std::vector<PairOrigin> trace_origins(const CohortResult& result, const std::vector<std::size_t>& flagged,
                                      const std::vector<SubmissionOrigin>& origins,
                                      const FingerprintParams& params, std::size_t per_pair) {
  KgramReader reader(params);
  std::vector<PairOrigin> out;
  for (const std::size_t i : flagged) {
    const auto& pair = result.pairs[i];
    const auto& sa = result.submissions[pair.a];
    const auto& sb = result.submissions[pair.b];
    const auto& oa = origins[pair.a];
    const auto& ob = origins[pair.b];
    PairOrigin origin{sa.id, sb.id, {}, {}};
    for (const auto& f : pair.fragments) {
      if (origin.fragments.size() == per_pair) break;
      const auto& fa = sa.files[f.a_file];
      const auto& fb = sb.files[f.b_file];
      if (!fa.hidden_in.empty() || !fb.hidden_in.empty() || !oa.blobs.contains(fa.path) ||
          !ob.blobs.contains(fb.path))
        continue;  // text decoded from a blob has no history of its own
      const Language* la = language_for_file(std::filesystem::path(fa.path).filename().string());
      const Language* lb = language_for_file(std::filesystem::path(fb.path).filename().string());
      if (la == nullptr || lb == nullptr) continue;
      const auto in_a = hashes_within(reader.of(*oa.repo, oa.blobs.at(fa.path), *la),
                                      f.a_first_line, f.a_last_line);
      const auto in_b = hashes_within(reader.of(*ob.repo, ob.blobs.at(fb.path), *lb),
                                      f.b_first_line, f.b_last_line);
      std::vector<std::uint64_t> shared;
      for (const auto h : in_a)
        if (in_b.contains(h)) shared.push_back(h);
      if (shared.empty()) continue;
      origin.fragments.push_back(
          {first_appearance(reader, oa, fa, *la, shared, f.a_first_line, f.a_last_line),
           first_appearance(reader, ob, fb, *lb, shared, f.b_first_line, f.b_last_line)});
    }
    if (origin.fragments.empty()) continue;
    const auto& longest = origin.fragments.front();
    if (longest.a.time != longest.b.time)
      origin.earlier = longest.a.time < longest.b.time ? longest.a.fork : longest.b.fork;
    out.push_back(std::move(origin));
  }
  return out;
}

}  // namespace huella
