// Images per second of the screenshots channel on this machine: N synthetic 1280×800 terminal
// captures (one theme, random text: the worst case for the hash search, every image looks
// alike), 4 per submission, a share of them copied into another submission resized or as JPEG.
//
//   huella-images-bench [--n 400] [--copies 0.05] [--dir /tmp/huella-images-bench] [--seed 1]
//
// Prints the time to read, decode and hash every image, the time to match them, and the total.
#include <oneapi/tbb/parallel_for.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

#include "huella/images.h"
#include "terminal_capture.h"

using namespace huella;
namespace fs = std::filesystem;

namespace {

constexpr int kPerSubmission = 4;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 400;
  double copies = 0.05;
  fs::path dir = "/tmp/huella-images-bench";
  unsigned seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--n")
      n = std::stoul(argv[i + 1]);
    else if (flag == "--copies")
      copies = std::stod(argv[i + 1]);
    else if (flag == "--dir")
      dir = argv[i + 1];
    else if (flag == "--seed")
      seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
  }
  dir /= "n" + std::to_string(n) + "-s" + std::to_string(seed) + "-c" +
         std::to_string(static_cast<int>(copies * 1000));

  // Generated once per setting, each capture from its own seed; a copy replaces the last capture
  // of a submission with a capture of the one before.
  const std::size_t submissions = (n + kPerSubmission - 1) / kPerSubmission;
  std::vector<fs::path> paths(n);
  std::size_t planted = 0;
  std::mt19937 draw(seed);
  for (std::size_t i = 0; i < n; ++i) {
    const bool copy = std::uniform_real_distribution<>(0, 1)(draw) < copies * kPerSubmission &&
                      i % kPerSubmission == kPerSubmission - 1 && i >= 2 * kPerSubmission;
    paths[i] = dir / ("capture_" + std::to_string(i) + (copy ? ".jpg" : ".png"));
    planted += copy;
    if (fs::exists(paths[i])) continue;
    fs::create_directories(dir);
    if (copy) {
      cv::Mat resized;
      cv::resize(cv::imread(paths[i - kPerSubmission - 1].string()), resized, {}, 0.75, 0.75, cv::INTER_AREA);
      cv::imwrite(paths[i].string(), resized, {cv::IMWRITE_JPEG_QUALITY, 70});
    } else {
      std::mt19937 random(seed * 1'000'003u + static_cast<unsigned>(i));
      cv::imwrite(paths[i].string(), terminal_capture(random));
    }
  }
  std::uintmax_t bytes = 0;
  for (const auto& p : paths) bytes += fs::file_size(p);

  const ImageParams params;
  const auto start = std::chrono::steady_clock::now();
  std::vector<ImageRead> reads(n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) { reads[i] = read_image(paths[i], params); });
  const double read_seconds = seconds_since(start);
  std::vector<std::vector<ImageSignature>> cohort(submissions);
  for (std::size_t i = 0; i < n; ++i) {
    if (!reads[i].ok) {
      std::fprintf(stderr, "%s: %s\n", paths[i].c_str(), reads[i].reason.c_str());
      continue;
    }
    reads[i].signature.file = static_cast<std::uint32_t>(i % kPerSubmission);
    cohort[i / kPerSubmission].push_back(std::move(reads[i].signature));
  }
  const auto match_start = std::chrono::steady_clock::now();
  const auto pairs = match_images(cohort, {}, params);
  const double match_seconds = seconds_since(match_start);
  std::size_t matches = 0;
  for (const auto& p : pairs) matches += p.matches.size();

  std::printf("%zu screenshots of 1280x800 (%.1f MB, %zu planted copies), %zu submissions, %u threads\n", n,
              static_cast<double>(bytes) / 1e6, planted, submissions, std::thread::hardware_concurrency());
  std::printf("read, decode, hash: %7.2f s  %7.1f images/s\n", read_seconds,
              static_cast<double>(n) / read_seconds);
  std::printf("match:              %7.2f s  (%zu pairs, %zu image matches)\n", match_seconds, pairs.size(),
              matches);
  std::printf("total:              %7.2f s  %7.1f images/s\n", read_seconds + match_seconds,
              static_cast<double>(n) / (read_seconds + match_seconds));
  return 0;
}
