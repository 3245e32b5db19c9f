// The images channel across a cohort: candidate image pairs (equal keys, near hashes, images of
// suspected submission pairs), verified in parallel, gathered per submission pair.
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "image_detail.h"

namespace huella {
namespace {

using ImagePair = std::pair<std::uint32_t, std::uint32_t>;  // global image indices, first < second

// Grey images kept for verification: 1280×800 is 1 MB, its keypoints 100 KB.
constexpr std::size_t kCachedImages = 64;

// Images read again for verification, the most recently used kept; keypoints computed once.
class VerificationCache {
 public:
  VerificationCache(std::vector<const ImageSignature*> images, const ImageParams& params,
                    std::size_t capacity)
      : images_(std::move(images)), params_(params), capacity_(capacity) {}

  struct Entry {
    PreparedImage image;
    std::once_flag keypoints;
  };

  std::shared_ptr<Entry> gray(std::uint32_t i) {
    {
      std::lock_guard lock(mutex_);
      if (const auto it = entries_.find(i); it != entries_.end()) {
        recent_.splice(recent_.begin(), recent_, it->second.second);
        return it->second.first;
      }
    }
    auto entry = std::make_shared<Entry>();
    entry->image.gray = read_gray(images_[i]->path, params_);
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(i); it != entries_.end()) return it->second.first;
    recent_.push_front(i);
    entries_.emplace(i, std::pair{entry, recent_.begin()});
    if (entries_.size() > capacity_) {
      entries_.erase(recent_.back());
      recent_.pop_back();
    }
    return entry;
  }

  std::shared_ptr<Entry> with_keypoints(std::uint32_t i) {
    auto entry = gray(i);
    std::call_once(entry->keypoints, [&] {
      if (!entry->image.gray.empty()) detect_keypoints(entry->image, params_);
    });
    return entry;
  }

 private:
  std::vector<const ImageSignature*> images_;
  const ImageParams& params_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::uint32_t> recent_;
  std::unordered_map<std::uint32_t, std::pair<std::shared_ptr<Entry>, std::list<std::uint32_t>::iterator>>
      entries_;
};

struct Found {
  ImageMethod method = ImageMethod::orb;
  ImageCheck check;
};

// Near pairs (`distance` within the hash radius) are aligned by scaling first; partial copies by keypoints.
Found verify(VerificationCache& cache, ImagePair p, std::optional<std::uint32_t> distance,
             const ImageParams& params) {
  if (distance) {
    const auto a = cache.gray(p.first), b = cache.gray(p.second);
    if (a->image.gray.empty() || b->image.gray.empty()) return {};
    const auto check = verify_scaled(a->image.gray, b->image.gray, params);
    // Aligned and still different in places is another capture of the same screen, not worth ORB.
    if (check.match || check.agreement >= params.realign_below || *distance > params.realign_radius)
      return {ImageMethod::pdq, check};
  }
  const auto a = cache.with_keypoints(p.first), b = cache.with_keypoints(p.second);
  return {ImageMethod::orb, verify_keypoints(a->image, b->image, params)};
}

// Every image of the cohort in submission order, with its submission.
struct CohortImages {
  std::vector<const ImageSignature*> images;
  std::vector<std::uint32_t> owner;
  std::vector<std::uint32_t> first_of;  // first image of each submission, and the end

  explicit CohortImages(std::span<const std::vector<ImageSignature>> submissions) {
    for (std::uint32_t s = 0; s < submissions.size(); ++s) {
      first_of.push_back(static_cast<std::uint32_t>(images.size()));
      for (const auto& image : submissions[s]) {
        images.push_back(&image);
        owner.push_back(s);
      }
    }
    first_of.push_back(static_cast<std::uint32_t>(images.size()));
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(images.size()); }
};

// Images whose pixels are in more than `cut` submissions: shared material, not copies.
std::vector<bool> shared_material(const CohortImages& c, std::uint32_t cut) {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_pixels;
  for (std::uint32_t i = 0; i < c.size(); ++i) by_pixels[c.images[i]->pixels_key].push_back(i);
  std::vector<bool> dropped(c.size(), false);
  for (const auto& [key, group] : by_pixels) {
    std::set<std::uint32_t> holders;
    for (const auto i : group) holders.insert(c.owner[i]);
    if (holders.size() > cut)
      for (const auto i : group) dropped[i] = true;
  }
  return dropped;
}

// Pairs of images of different submissions with equal `key` (bytes or pixels). A member pointer,
// so that the views the map keeps point into the signatures, never into a temporary copy.
std::vector<ImagePair> equal_pairs(const CohortImages& c, const std::vector<bool>& dropped,
                                   std::string ImageSignature::*key) {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> groups;
  for (std::uint32_t i = 0; i < c.size(); ++i)
    if (!dropped[i]) groups[(*c.images[i]).*key].push_back(i);
  std::vector<ImagePair> out;
  for (const auto& [k, group] : groups)
    for (std::size_t x = 0; x < group.size(); ++x)
      for (std::size_t y = x + 1; y < group.size(); ++y)
        if (c.owner[group[x]] != c.owner[group[y]]) out.push_back(std::minmax(group[x], group[y]));
  std::sort(out.begin(), out.end());
  return out;
}

// Pairs of comparable images of different submissions whose hashes are within the radius, each
// image keeping its `hash_neighbours` nearest; sorted.
std::vector<ImagePair> near_pairs(const CohortImages& c, const std::vector<bool>& comparable,
                                  const ImageParams& params) {
  std::vector<std::uint32_t> hashed;
  std::vector<PdqHash> hashes;
  for (std::uint32_t i = 0; i < c.size(); ++i)
    if (comparable[i]) {
      hashed.push_back(i);
      hashes.push_back(c.images[i]->pdq);
    }
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> nearest(c.size());  // (distance, image)
  for (const auto& [x, y] : near_hash_pairs(hashes, params.hash_radius)) {
    const auto i = hashed[x], j = hashed[y];
    if (c.owner[i] == c.owner[j]) continue;
    const auto d = hamming_distance(hashes[x], hashes[y]);
    nearest[i].emplace_back(d, j);
    nearest[j].emplace_back(d, i);
  }
  std::vector<ImagePair> out;
  for (std::uint32_t i = 0; i < c.size(); ++i) {
    auto& n = nearest[i];
    std::sort(n.begin(), n.end());
    if (n.size() > params.hash_neighbours) n.resize(params.hash_neighbours);
    for (const auto& [d, j] : n) out.push_back(std::minmax(i, j));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The program or camera model: shared by everyone who uses it, so never evidence of a copy.
bool names_a_tool(std::string_view key) {
  const auto field = key.substr(key.find(':') + 1);
  return field == "Software" || field == "Make" || field == "Model" || field == "LensModel";
}

// Metadata values found in images of exactly two submissions, for the pairs in `examined`.
void add_rare_metadata(const CohortImages& c, const std::set<std::pair<std::uint32_t, std::uint32_t>>& examined,
                       std::map<std::pair<std::uint32_t, std::uint32_t>, ImagePairResult>& pairs) {
  std::map<std::pair<std::string_view, std::string_view>, std::vector<std::uint32_t>> by_field;
  for (std::uint32_t i = 0; i < c.size(); ++i)
    for (const auto& field : c.images[i]->metadata) {
      if (names_a_tool(field.key)) continue;
      auto& holders = by_field[{field.key, field.value}];
      if (holders.empty() || holders.back() != i) holders.push_back(i);
    }
  for (const auto& [field, holders_of_field] : by_field) {
    const auto& holders = holders_of_field;  // clang 14 cannot capture a structured binding
    std::set<std::uint32_t> owners;
    for (const auto i : holders) owners.insert(c.owner[i]);
    if (owners.size() != 2 || !examined.contains({*owners.begin(), *owners.rbegin()})) continue;
    const auto a = *owners.begin(), b = *owners.rbegin();
    const auto first_in = [&](std::uint32_t s) {
      return c.images[*std::find_if(holders.begin(), holders.end(), [&](auto i) { return c.owner[i] == s; })]->file;
    };
    pairs[{a, b}].metadata.push_back({first_in(a), first_in(b), std::string(field.first), std::string(field.second)});
  }
}

// Matched images of each side over compared images (those not dropped as shared material).
void score(ImagePairResult& r, const CohortImages& c, const std::vector<bool>& dropped) {
  const auto compared = [&](std::uint32_t s) {
    std::uint32_t n = 0;
    for (std::uint32_t i = c.first_of[s]; i < c.first_of[s + 1]; ++i) n += !dropped[i];
    return n;
  };
  std::set<std::uint32_t> matched_a, matched_b;
  for (const auto& m : r.matches) {
    matched_a.insert(m.a_file);
    matched_b.insert(m.b_file);
  }
  r.images_a = compared(r.a);
  r.images_b = compared(r.b);
  r.matched_a = static_cast<std::uint32_t>(matched_a.size());
  r.matched_b = static_cast<std::uint32_t>(matched_b.size());
  if (r.images_a + r.images_b > 0)
    r.similarity = static_cast<double>(r.matched_a + r.matched_b) / (r.images_a + r.images_b);
  if (r.images_a > 0) r.coverage_a = static_cast<double>(r.matched_a) / r.images_a;
  if (r.images_b > 0) r.coverage_b = static_cast<double>(r.matched_b) / r.images_b;
}

}  // namespace

ImageComparison compare_images(const ImageSignature& a, const ImageSignature& b, const ImageParams& params) {
  VerificationCache cache({&a, &b}, params, 2);
  const auto x = cache.with_keypoints(0), y = cache.with_keypoints(1);
  if (x->image.gray.empty() || y->image.gray.empty()) return {hamming_distance(a.pdq, b.pdq), {}, {}};
  return {hamming_distance(a.pdq, b.pdq), verify_scaled(x->image.gray, y->image.gray, params),
          verify_keypoints(x->image, y->image, params)};
}

std::string_view image_method_name(ImageMethod method) {
  constexpr std::array<std::string_view, 4> names = {"bytes", "pixels", "pdq", "orb"};
  return names[static_cast<std::size_t>(method)];
}

std::vector<ImagePairResult> match_images(std::span<const std::vector<ImageSignature>> submissions,
                                          std::span<const std::pair<std::uint32_t, std::uint32_t>> suspected,
                                          const ImageParams& params) {
  const CohortImages c(submissions);
  const auto dropped = shared_material(c, params.frequency_cut);
  std::vector<bool> comparable(c.size());
  for (std::uint32_t i = 0; i < c.size(); ++i) comparable[i] = !dropped[i] && !c.images[i]->featureless;

  std::map<ImagePair, ImageMatch> matches;
  const auto record = [&](ImagePair p, ImageMethod method, const ImageCheck& check) {
    const auto& [x, y] = p;
    matches.emplace(p, ImageMatch{c.images[x]->file, c.images[y]->file, method,
                                  hamming_distance(c.images[x]->pdq, c.images[y]->pdq), check.inliers,
                                  check.agreement});
  };
  const ImageCheck identical{true, 0, 1.0, 0.0};
  for (const auto& p : equal_pairs(c, dropped, &ImageSignature::bytes_key))
    record(p, ImageMethod::bytes, identical);
  for (const auto& p : equal_pairs(c, dropped, &ImageSignature::pixels_key))
    record(p, ImageMethod::pixels, identical);

  VerificationCache cache(c.images, params, kCachedImages);
  const auto verify_all = [&](const std::vector<ImagePair>& candidates, bool near) {
    std::vector<Found> found(candidates.size());
    tbb::parallel_for(std::size_t{0}, candidates.size(), [&](std::size_t k) {
      const auto& [x, y] = candidates[k];
      const auto distance = hamming_distance(c.images[x]->pdq, c.images[y]->pdq);
      found[k] = verify(cache, candidates[k], near ? std::optional(distance) : std::nullopt, params);
    });
    for (std::size_t k = 0; k < candidates.size(); ++k)
      if (found[k].check.match) record(candidates[k], found[k].method, found[k].check);
  };
  auto near = near_pairs(c, comparable, params);
  std::erase_if(near, [&](const ImagePair& p) { return matches.contains(p); });
  verify_all(near, true);

  // Partial copies: every image pair of the suspected submission pairs and of those sharing an image.
  std::set<std::pair<std::uint32_t, std::uint32_t>> examined(suspected.begin(), suspected.end());
  for (const auto& [p, m] : matches) examined.emplace(c.owner[p.first], c.owner[p.second]);
  std::vector<ImagePair> partial;
  for (const auto& [a, b] : examined)
    for (std::uint32_t i = c.first_of[a]; i < c.first_of[a + 1]; ++i)
      for (std::uint32_t j = c.first_of[b]; j < c.first_of[b + 1]; ++j)
        if (comparable[i] && comparable[j] && !matches.contains({i, j}) &&
            !std::binary_search(near.begin(), near.end(), ImagePair{i, j}))
          partial.emplace_back(i, j);
  verify_all(partial, false);

  std::map<std::pair<std::uint32_t, std::uint32_t>, ImagePairResult> pairs;
  for (const auto& [p, m] : matches) pairs[{c.owner[p.first], c.owner[p.second]}].matches.push_back(m);
  add_rare_metadata(c, examined, pairs);
  std::vector<ImagePairResult> out;
  for (auto& [key, r] : pairs) {
    std::tie(r.a, r.b) = key;
    score(r, c, dropped);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace huella
