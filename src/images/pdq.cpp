// A 256-bit DCT hash in the manner of Meta's PDQ: luminance averaged down to 64×64, the 16×16
// lowest non-constant DCT frequencies, each bit set when its coefficient is above their median.
// Screenshots of one tool share their layout, which is all a 64-bit pHash sees (two Kafka UI
// captures with different messages are 0 to 2 bits apart); 256 bits also see the text blocks.
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <bit>
#include <cmath>

#include "image_detail.h"

namespace huella {
namespace {

constexpr int kSide = 64, kFrequencies = 16;

// Rows: DCT-II basis for frequencies 1..16 (the constant one says nothing about content).
const cv::Mat& dct_basis() {
  static const cv::Mat basis = [] {
    cv::Mat d(kFrequencies, kSide, CV_32F);
    for (int i = 0; i < kFrequencies; ++i)
      for (int j = 0; j < kSide; ++j)
        d.at<float>(i, j) = static_cast<float>(std::sqrt(2.0 / kSide) *
                                               std::cos(CV_PI / (2 * kSide) * (i + 1) * (2 * j + 1)));
    return d;
  }();
  return basis;
}

}  // namespace

PdqHash pdq_hash(const cv::Mat& gray) {
  cv::Mat luminance, small;
  gray.convertTo(luminance, CV_32F);
  cv::resize(luminance, small, cv::Size(kSide, kSide), 0, 0, cv::INTER_AREA);
  const cv::Mat coefficients = dct_basis() * small * dct_basis().t();
  std::vector<float> values(coefficients.begin<float>(), coefficients.end<float>());
  auto sorted = values;
  const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
  std::nth_element(sorted.begin(), middle, sorted.end());
  PdqHash hash{};
  for (std::size_t k = 0; k < values.size(); ++k)
    if (values[k] > *middle) hash[k / 64] |= std::uint64_t{1} << (k % 64);
  return hash;
}

std::uint32_t hamming_distance(const PdqHash& x, const PdqHash& y) {
  std::uint32_t d = 0;
  for (std::size_t i = 0; i < x.size(); ++i) d += static_cast<std::uint32_t>(std::popcount(x[i] ^ y[i]));
  return d;
}

}  // namespace huella
