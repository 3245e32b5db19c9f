// Measures, on a labelled cohort's screenshots, how each hash and each check separates the
// planted copies from the other image pairs; the images thresholds in README come from its output.
//
//   huella-images-tune COHORT LABELS [NEGATIVES]
//
// LABELS: labels.json (planted pairs whose channels include "images") or a JSON array of such
// entries; NEGATIVES: an array of hard negatives in the same form. Every image pair across two
// submissions is measured: PDQ, OpenCV's pHash, BlockMeanHash (mode 1) and ColorMomentHash
// distances, and both checks (aligned by scaling, by ORB keypoints).
#include <nlohmann/json.hpp>
#include <oneapi/tbb/parallel_for.h>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/img_hash.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <fstream>
#include <set>

#include "huella/corpus.h"
#include "huella/images.h"

using namespace huella;

namespace {

using FilePair = std::pair<std::string, std::string>;  // "student/path", ordered

FilePair ordered(std::string a, std::string b) { return a < b ? FilePair{a, b} : FilePair{b, a}; }

std::set<FilePair> load_pairs(const std::filesystem::path& path) {
  std::ifstream in(path);
  const auto json = nlohmann::json::parse(in);
  const auto& entries = json.is_array() ? json : json.at("planted");
  std::set<FilePair> out;
  for (const auto& e : entries) {
    const auto channels = e.value("channels", std::vector<std::string>{});
    if (std::find(channels.begin(), channels.end(), "images") == channels.end()) continue;
    for (const auto& f : e.at("files"))
      out.insert(ordered(e.at("a").get<std::string>() + "/" + f[0].get<std::string>(),
                         e.at("b").get<std::string>() + "/" + f[1].get<std::string>()));
  }
  return out;
}

struct Image {
  std::string name, student;
  ImageSignature signature;
  cv::Mat phash, block_mean, color_moment;  // empty where OpenCV cannot read the file (GIF)
};

struct Row {
  std::string kind;
  const Image *a, *b;
  ImageComparison comparison;
  double phash = -1, block_mean = -1, color_moment = -1;
};

// The extremes of one figure over the copies and over the other pairs.
struct Extremes {
  double copies_worst, others_worst;
  std::string copies_pair, others_pair;
};

template <typename Figure>
Extremes extremes(const std::vector<Row>& rows, bool lower_is_closer, Figure figure) {
  Extremes e{lower_is_closer ? -1e300 : 1e300, lower_is_closer ? 1e300 : -1e300, "", ""};
  for (const auto& r : rows) {
    const double v = figure(r);
    if (v < 0) continue;
    const bool copy = r.kind == "copy";
    double& worst = copy ? e.copies_worst : e.others_worst;
    const bool worse = copy == lower_is_closer ? v > worst : v < worst;
    if (worse) {
      worst = v;
      (copy ? e.copies_pair : e.others_pair) = r.a->name + " ~ " + r.b->name;
    }
  }
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: huella-images-tune COHORT LABELS [NEGATIVES]\n");
    return 2;
  }
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  const std::filesystem::path cohort_path = argv[1];
  const auto copies = load_pairs(argv[2]);
  const auto negatives = argc > 3 ? load_pairs(argv[3]) : std::set<FilePair>{};
  const ImageParams params;

  std::vector<Image> images;
  for (const auto& s : discover_cohort(cohort_path, DiscoveryOptions{}).submissions)
    for (const auto& f : s.files)
      if (f.channel == Channel::images) images.push_back({s.id + "/" + f.path, s.id, {}, {}, {}, {}});
  std::vector<std::string> problems(images.size());
  tbb::parallel_for(std::size_t{0}, images.size(), [&](std::size_t i) {
    auto& image = images[i];
    const auto path = cohort_path / image.name;
    auto read = read_image(path, params);
    if (!read.ok) problems[i] = image.name + ": " + read.reason;
    image.signature = std::move(read.signature);
    const cv::Mat bgr = cv::imread(path.string(), cv::IMREAD_COLOR);
    if (bgr.empty()) return;
    cv::img_hash::pHash(bgr, image.phash);
    cv::img_hash::blockMeanHash(bgr, image.block_mean, cv::img_hash::BLOCK_MEAN_HASH_MODE_1);
    cv::img_hash::colorMomentHash(bgr, image.color_moment);
  });
  for (const auto& p : problems)
    if (!p.empty()) std::fprintf(stderr, "%s\n", p.c_str());

  std::vector<Row> rows;
  for (std::size_t i = 0; i < images.size(); ++i)
    for (std::size_t j = i + 1; j < images.size(); ++j) {
      if (images[i].student == images[j].student) continue;
      const auto key = ordered(images[i].name, images[j].name);
      rows.push_back({copies.contains(key)      ? "copy"
                      : negatives.contains(key) ? "hard"
                                                : "other",
                      &images[i],
                      &images[j],
                      {}});
    }
  tbb::parallel_for(std::size_t{0}, rows.size(), [&](std::size_t k) {
    auto& r = rows[k];
    r.comparison = compare_images(r.a->signature, r.b->signature, params);
    if (r.a->phash.empty() || r.b->phash.empty()) return;
    const auto ph = cv::img_hash::PHash::create();
    const auto bm = cv::img_hash::BlockMeanHash::create(cv::img_hash::BLOCK_MEAN_HASH_MODE_1);
    const auto cm = cv::img_hash::ColorMomentHash::create();
    r.phash = ph->compare(r.a->phash, r.b->phash);
    r.block_mean = bm->compare(r.a->block_mean, r.b->block_mean);
    r.color_moment = cm->compare(r.a->color_moment, r.b->color_moment);
  });

  std::printf("%-5s %-58s %-58s %4s %5s %5s %8s | %6s %7s | %5s %6s %7s\n", "kind", "a", "b", "pdq", "phash",
              "bmh1", "cmh", "s.agr", "s.scat", "inl", "k.agr", "k.scat");
  for (const auto& r : rows) {
    if (r.kind == "other" && r.comparison.distance > params.hash_radius && !r.comparison.keypoints.match)
      continue;
    const auto& s = r.comparison.scaled;
    const auto& k = r.comparison.keypoints;
    std::printf("%-5s %-58s %-58s %4u %5.0f %5.0f %8.2f | %6.3f %7.4f | %5u %6.3f %7.4f\n", r.kind.c_str(),
                r.a->name.c_str(), r.b->name.c_str(), r.comparison.distance, r.phash, r.block_mean,
                r.color_moment, s.agreement, s.scattered, k.inliers, k.agreement, k.scattered);
  }
  std::printf("\n%zu images, %zu pairs (%zu copies, %zu hard negatives)\n", images.size(), rows.size(),
              copies.size(), negatives.size());
  std::printf("%-34s %12s %12s  %s\n", "figure (copies: worst, others: closest)", "copies", "others",
              "pairs");
  const auto show = [&](const char* name, bool lower_is_closer, auto figure) {
    const auto e = extremes(rows, lower_is_closer, figure);
    std::printf("%-34s %12.4f %12.4f  %s | %s\n", name, e.copies_worst, e.others_worst, e.copies_pair.c_str(),
                e.others_pair.c_str());
  };
  // Hashes: the copies they are meant to find (not crops, overlays or embeddings: those move the layout).
  const auto whole = [](const Row& r) { return r.kind != "copy" || r.comparison.scaled.match; };
  show("PDQ bits (whole copies)", true,
       [&](const Row& r) { return whole(r) ? r.comparison.distance : -1.0; });
  show("pHash bits (whole copies)", true, [&](const Row& r) { return whole(r) ? r.phash : -1.0; });
  show("BlockMeanHash bits (whole copies)", true,
       [&](const Row& r) { return whole(r) ? r.block_mean : -1.0; });
  show("ColorMomentHash L2 (whole copies)", true,
       [&](const Row& r) { return whole(r) ? r.color_moment : -1.0; });
  show("scaled: scattered share (whole copies)", true, [&](const Row& r) {
    return whole(r) && r.comparison.scaled.agreement > 0 ? r.comparison.scaled.scattered : -1.0;
  });
  show("keypoints: scattered share", true, [](const Row& r) {
    return r.comparison.keypoints.agreement > 0 ? r.comparison.keypoints.scattered : -1.0;
  });
  show("best check: scattered share", true, [](const Row& r) {
    const auto& s = r.comparison.scaled;
    const auto& k = r.comparison.keypoints;
    if (s.agreement <= 0 && k.agreement <= 0) return r.kind == "copy" ? 1.0 : -1.0;
    return std::min(s.agreement > 0 ? s.scattered : 1.0, k.agreement > 0 ? k.scattered : 1.0);
  });
  show("best check: disagreeing share", true, [](const Row& r) {
    const double s = r.comparison.scaled.agreement, k = r.comparison.keypoints.agreement;
    if (s <= 0 && k <= 0) return r.kind == "copy" ? 1.0 : -1.0;
    return 1 - std::max(s, k);
  });
  std::size_t missed = 0, false_matches = 0;
  for (const auto& r : rows) {
    const bool match = r.comparison.scaled.match || r.comparison.keypoints.match;
    missed += r.kind == "copy" && !match;
    false_matches += r.kind != "copy" && match;
  }
  std::printf("at the defaults: %zu copies missed, %zu other pairs matched\n", missed, false_matches);
  return missed + false_matches == 0 ? 0 : 1;
}
