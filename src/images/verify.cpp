// Verifying a candidate match: align the two images (by scaling, or by ORB keypoints and a
// RANSAC homography), then compare the overlap cell by cell. A copy agrees everywhere except,
// at most, one compact region (a name typed over a corner); captures of the same tool with other
// data agree on the chrome and the fixed text and differ in scattered places (names, values).
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <cstring>

#include "image_detail.h"

namespace huella {
namespace {

constexpr int kCell = 8;                      // about one character of a terminal capture
constexpr double kBlurSigma = 1.0;            // absorbs sub-pixel misalignment and resampling
constexpr double kTexturedSpread = 8;         // grey-level standard deviation of a cell with content
constexpr double kFlatSpread = 2;             // below this a cell is flat: it cannot agree with content
constexpr double kAgreeingCorrelation = 0.8;  // brightness and contrast changes keep it near 1
constexpr double kRansacPixels = 4;
constexpr int kRansacIterations = 1000;   // enough for 30% inliers (a capture pasted at 62%)
constexpr double kMaxPerspective = 1e-3;  // screenshots are scaled and moved, not tilted

// Per 8×8 cell of the whole cells of `image`: the mean (INTER_AREA averages whole blocks exactly).
cv::Mat cell_means(const cv::Mat& image) {
  const cv::Size cells(image.cols / kCell, image.rows / kCell);
  cv::Mat out;
  if (cells.empty()) return out;  // smaller than one cell: nothing to compare
  cv::resize(image(cv::Rect(0, 0, cells.width * kCell, cells.height * kCell)), out, cells, 0, 0,
             cv::INTER_AREA);
  return out;
}

cv::Mat blurred(const cv::Mat& gray) {
  cv::Mat f;
  gray.convertTo(f, CV_32F);
  cv::GaussianBlur(f, f, cv::Size(), kBlurSigma);
  return f;
}

// Compares `x` (aligned to `y`) with `y` where `cover` is set; `source_overlap` is the share of
// the aligned image that lands inside `y`.
ImageCheck compare_aligned(const cv::Mat& x_gray, const cv::Mat& y_gray, const cv::Mat& cover,
                           double source_overlap, const ImageParams& params) {
  const cv::Mat x = blurred(x_gray), y = blurred(y_gray);
  // The blur carries the black outside the warped image about 3σ inward: those pixels are not compared.
  cv::Mat inside, covered_f;
  cv::erode(cover, inside, cv::Mat(), cv::Point(-1, -1), static_cast<int>(std::ceil(3 * kBlurSigma)));
  inside.convertTo(covered_f, CV_32F, 1.0 / 255);
  const cv::Mat mx = cell_means(x), my = cell_means(y), mxx = cell_means(x.mul(x)),
                myy = cell_means(y.mul(y)), mxy = cell_means(x.mul(y)), mc = cell_means(covered_f);
  cv::Mat disagreeing(mx.size(), CV_8U, cv::Scalar(0));
  std::uint32_t covered = 0, textured = 0, differing = 0;
  for (int r = 0; r < mx.rows; ++r)
    for (int c = 0; c < mx.cols; ++c) {
      if (mc.at<float>(r, c) < 0.999f) continue;
      ++covered;
      const double ex = mx.at<float>(r, c), ey = my.at<float>(r, c);
      const double sx = std::sqrt(std::max(0.0, mxx.at<float>(r, c) - ex * ex));
      const double sy = std::sqrt(std::max(0.0, myy.at<float>(r, c) - ey * ey));
      if (std::max(sx, sy) < kTexturedSpread) continue;
      ++textured;
      const double correlation =
          sx < kFlatSpread || sy < kFlatSpread ? 0 : (mxy.at<float>(r, c) - ex * ey) / (sx * sy);
      if (correlation <= kAgreeingCorrelation) {
        disagreeing.at<std::uint8_t>(r, c) = 255;
        ++differing;
      }
    }
  ImageCheck v;
  const double target_overlap = static_cast<double>(covered) / (static_cast<double>(mx.rows) * mx.cols);
  if (textured < params.min_textured_cells || std::max(source_overlap, target_overlap) < params.min_overlap)
    return v;
  v.agreement = 1.0 - static_cast<double>(differing) / textured;
  // The largest group of differing cells (neighbours within a cell) is forgiven when compact.
  cv::Mat grown, labels, stats, centroids;
  cv::dilate(disagreeing, grown, cv::Mat());
  const int groups = cv::connectedComponentsWithStats(grown, labels, stats, centroids, 8);
  std::vector<std::uint32_t> members(static_cast<std::size_t>(groups), 0);
  for (int r = 0; r < labels.rows; ++r)
    for (int c = 0; c < labels.cols; ++c)
      if (disagreeing.at<std::uint8_t>(r, c) != 0) ++members[static_cast<std::size_t>(labels.at<int>(r, c))];
  std::uint32_t forgiven = 0;
  for (int g = 1; g < groups; ++g) {
    const double box =
        static_cast<double>(stats.at<int>(g, cv::CC_STAT_WIDTH)) * stats.at<int>(g, cv::CC_STAT_HEIGHT);
    if (members[static_cast<std::size_t>(g)] > forgiven && box <= params.max_overlay_share * covered)
      forgiven = members[static_cast<std::size_t>(g)];
  }
  v.scattered = static_cast<double>(differing - forgiven) / textured;
  v.match = v.scattered <= params.max_scattered;
  return v;
}

struct Nearest {
  std::uint32_t index, distance, second;  // the nearest of the other set, and the runner-up's distance
};

// For each descriptor of `a`, the two nearest of `b` by Hamming distance. Four times faster than
// cv::BFMatcher where the CPU counts bits in one instruction (chosen at load time).
__attribute__((target_clones("popcnt", "default"))) std::vector<Nearest> nearest_two(const cv::Mat& a,
                                                                                     const cv::Mat& b) {
  constexpr int kWords = 4;  // ORB descriptors: 256 bits
  const auto words = [](const cv::Mat& m) {
    std::vector<std::array<std::uint64_t, kWords>> out(static_cast<std::size_t>(m.rows));
    for (int r = 0; r < m.rows; ++r)
      std::memcpy(out[static_cast<std::size_t>(r)].data(), m.ptr(r), sizeof(out[0]));
    return out;
  };
  const auto wa = words(a), wb = words(b);
  std::vector<Nearest> out(wa.size(), Nearest{0, 257, 257});
  for (std::size_t i = 0; i < wa.size(); ++i) {
    auto& n = out[i];
    for (std::size_t j = 0; j < wb.size(); ++j) {
      std::uint32_t d = 0;
      for (int w = 0; w < kWords; ++w)
        d += static_cast<std::uint32_t>(__builtin_popcountll(wa[i][w] ^ wb[j][w]));
      if (d < n.second) {
        if (d < n.distance) {
          n.second = n.distance;
          n.distance = d;
          n.index = static_cast<std::uint32_t>(j);
        } else {
          n.second = d;
        }
      }
    }
  }
  return out;
}

}  // namespace

std::uint32_t count_textured_cells(const cv::Mat& gray) {
  cv::Mat f;
  gray.convertTo(f, CV_32F);
  const cv::Mat mean = cell_means(f), square = cell_means(f.mul(f));
  std::uint32_t n = 0;
  for (int r = 0; r < mean.rows; ++r)
    for (int c = 0; c < mean.cols; ++c) {
      const double m = mean.at<float>(r, c);
      n += square.at<float>(r, c) - m * m >= kTexturedSpread * kTexturedSpread;
    }
  return n;
}

void detect_keypoints(PreparedImage& image, const ImageParams& params) {
  const auto orb = cv::ORB::create(static_cast<int>(params.orb_features));
  orb->detectAndCompute(image.gray, cv::noArray(), image.keypoints, image.descriptors);
}

ImageCheck verify_scaled(const cv::Mat& a, const cv::Mat& b, const ImageParams& params) {
  const double aspect_a = static_cast<double>(a.cols) / a.rows,
               aspect_b = static_cast<double>(b.cols) / b.rows;
  if (std::abs(aspect_a / aspect_b - 1) > 0.01) return {};
  // Compare at the smaller size, so that neither side is upsampled.
  const bool a_larger = a.total() > b.total();
  const cv::Mat& target = a_larger ? b : a;
  cv::Mat scaled;
  cv::resize(a_larger ? a : b, scaled, target.size(), 0, 0, cv::INTER_AREA);
  return compare_aligned(scaled, target, cv::Mat(target.size(), CV_8U, cv::Scalar(255)), 1.0, params);
}

ImageCheck verify_keypoints(const PreparedImage& a, const PreparedImage& b, const ImageParams& params) {
  if (a.descriptors.rows < 2 || b.descriptors.rows < 2) return {};
  const auto nearest = nearest_two(a.descriptors, b.descriptors);
  std::vector<cv::Point2f> from, to;
  for (std::size_t i = 0; i < nearest.size(); ++i)
    if (nearest[i].distance < params.ratio_test * nearest[i].second) {
      from.push_back(a.keypoints[i].pt);
      to.push_back(b.keypoints[nearest[i].index].pt);
    }
  if (from.size() < params.min_inliers) return {};
  cv::Mat inlier_mask;
  cv::Mat h = cv::findHomography(from, to, cv::RANSAC, kRansacPixels, inlier_mask, kRansacIterations, 0.995);
  if (h.empty()) return {};
  const auto inliers = static_cast<std::uint32_t>(cv::countNonZero(inlier_mask));
  const double scale = std::sqrt(std::abs(cv::determinant(h(cv::Rect(0, 0, 2, 2)))));
  if (inliers < params.min_inliers || !(scale > 0.1 && scale < 10) || h.at<double>(0, 0) <= 0 ||
      h.at<double>(1, 1) <= 0 || std::abs(h.at<double>(2, 0)) > kMaxPerspective ||
      std::abs(h.at<double>(2, 1)) > kMaxPerspective)
    return {};
  // Warp the larger-scale side into the other one's frame, smoothing it first against aliasing.
  const bool a_larger = scale < 1;
  const cv::Mat& source = a_larger ? a.gray : b.gray;
  const cv::Mat& target = a_larger ? b.gray : a.gray;
  const cv::Mat to_target = a_larger ? h : h.inv();
  const double shrink = std::min(scale, 1 / scale);
  cv::Mat smoothed = source, warped, cover;
  if (shrink < 0.9) cv::GaussianBlur(source, smoothed, cv::Size(), 0.5 / shrink);
  cv::warpPerspective(smoothed, warped, to_target, target.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  cv::warpPerspective(cv::Mat(source.size(), CV_8U, cv::Scalar(255)), cover, to_target, target.size(),
                      cv::INTER_NEAREST, cv::BORDER_CONSTANT);
  const double source_overlap =
      cv::countNonZero(cover) / (static_cast<double>(source.total()) * shrink * shrink);
  auto v = compare_aligned(warped, target, cover, source_overlap, params);
  v.inliers = inliers;
  return v;
}

}  // namespace huella
