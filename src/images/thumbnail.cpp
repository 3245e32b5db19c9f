// Thumbnails of screenshots for the HTML report.
#include <opencv2/imgcodecs.hpp>  // the IMWRITE_ flags only: encoding goes through codecs.h
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <stdexcept>

#include "codecs.h"
#include "image_detail.h"

namespace huella {

Thumbnail make_thumbnail(const std::filesystem::path& path, const ImageParams& params,
                         std::uint32_t max_side) {
  Thumbnail out;
  std::vector<unsigned char> encoded;
  try {  // the codecs are a plugin: a run without it reports the reason for each thumbnail
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
    encoded = imencode_lazily(".jpg", image, {cv::IMWRITE_JPEG_QUALITY, 80});
    out.width = static_cast<std::uint32_t>(image.cols);
    out.height = static_cast<std::uint32_t>(image.rows);
  } catch (const std::runtime_error& e) {
    out.reason = e.what();
    return out;
  }
  if (encoded.empty()) {
    out.reason = "cannot encode a thumbnail";
    return out;
  }
  out.jpeg.assign(encoded.begin(), encoded.end());
  out.ok = true;
  return out;
}

}  // namespace huella
