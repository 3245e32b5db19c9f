// Thumbnails of screenshots for the HTML report.
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "image_detail.h"

namespace huella {

Thumbnail make_thumbnail(const std::filesystem::path& path, const ImageParams& params,
                         std::uint32_t max_side) {
  Thumbnail out;
  cv::Mat image = read_color(path, params, out.reason);
  if (image.empty()) return out;
  const int longest = std::max(image.cols, image.rows);
  if (max_side > 0 && longest > static_cast<int>(max_side)) {
    const double scale = static_cast<double>(max_side) / longest;
    cv::resize(image, image,
               cv::Size(std::max(1, static_cast<int>(image.cols * scale)),
                        std::max(1, static_cast<int>(image.rows * scale))),
               0, 0, cv::INTER_AREA);
  }
  std::vector<uchar> encoded;
  if (!cv::imencode(".jpg", image, encoded, {cv::IMWRITE_JPEG_QUALITY, 80})) {
    out.reason = "cannot encode a thumbnail";
    return out;
  }
  out.jpeg.assign(encoded.begin(), encoded.end());
  out.width = static_cast<std::uint32_t>(image.cols);
  out.height = static_cast<std::uint32_t>(image.rows);
  out.ok = true;
  return out;
}

}  // namespace huella
