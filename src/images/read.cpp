// Reading one image within limits: header first, then decoding (reduced when large), then the
// keys and the hash that the cohort-wide search uses.
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>  // the IMREAD_ flags only: decoding goes through codecs.h
#include <opencv2/imgproc.hpp>

#include <fstream>

#include "codecs.h"
#include "huella/text.h"
#include "image_detail.h"

namespace huella {
namespace {

std::string megapixels(std::uint64_t pixels) {
  return std::to_string(pixels / 1'000'000) + "." + std::to_string(pixels / 100'000 % 10) + " megapixels";
}

}  // namespace

cv::Mat decode_image(std::string_view bytes, const ImageProbe& probe, const ImageParams& params,
                     std::string& reason) {
  // Halve while the image stays at least working_side: JPEG decodes reduced natively.
  int reduce = 1;
  while (reduce < 8 && std::max(probe.width, probe.height) / (2 * reduce) >= params.working_side) reduce *= 2;
  cv::Mat image;
  if (probe.format == ImageFormat::gif) {
    image = decode_gif(bytes, params.max_pixels, reason);
    if (!image.empty() && reduce > 1)
      cv::resize(image, image, cv::Size(image.cols / reduce, image.rows / reduce), 0, 0, cv::INTER_AREA);
  } else {
    const int reduced[] = {cv::IMREAD_COLOR, cv::IMREAD_REDUCED_COLOR_2, cv::IMREAD_REDUCED_COLOR_4,
                           cv::IMREAD_REDUCED_COLOR_8};
    const int level = reduce == 1 ? 0 : reduce == 2 ? 1 : reduce == 4 ? 2 : 3;
    const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
    try {
      image = imdecode_lazily(buffer, reduced[level] | cv::IMREAD_IGNORE_ORIENTATION);
      if (image.empty())
        reason = "corrupt " + std::string(image_format_name(probe.format)) + ": cannot be decoded";
    } catch (const std::runtime_error& e) {
      reason = e.what();
    }
  }
  if (image.empty()) return image;
  // A header that lies about the size is a corrupt file, whatever the decoder made of it.
  if (std::abs(image.cols - static_cast<int>(probe.width) / reduce) > 1 ||
      std::abs(image.rows - static_cast<int>(probe.height) / reduce) > 1) {
    reason = "corrupt " + std::string(image_format_name(probe.format)) +
             ": the header's size differs from the image";
    return {};
  }
  return image;
}

namespace {

std::string byte_limit_reason(std::uint64_t size, const ImageParams& params) {
  if (size <= params.max_bytes) return {};
  return "too large: " + std::to_string(size) + " bytes (limit " + std::to_string(params.max_bytes) + ")";
}

// Limits, header, decoding: the image as BGR at working scale, or empty with a reason.
cv::Mat decode_within_limits(std::string_view bytes, const ImageParams& params, ImageProbe& probe,
                             std::string& reason) {
  // OpenCV would print a warning for each unreadable file; the reason is reported once instead.
  static const bool quiet = [] {
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
    return true;
  }();
  (void)quiet;
  if (reason = byte_limit_reason(bytes.size(), params); !reason.empty()) return {};
  probe = probe_image(bytes);
  if (!probe.ok) {
    reason = probe.reason;
    return {};
  }
  if (std::uint64_t{probe.width} * probe.height > params.max_pixels) {
    reason = "too large: " + std::to_string(probe.width) + "×" + std::to_string(probe.height) +
             " pixels (limit " + megapixels(params.max_pixels) + ")";
    return {};
  }
  return decode_image(bytes, probe, params, reason);
}

std::string read_file(const std::filesystem::path& path, const ImageParams& params, std::string& reason) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    reason = "cannot read: " + ec.message();
    return {};
  }
  if (reason = byte_limit_reason(size, params); !reason.empty()) return {};
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) reason = "cannot read the file";
  return bytes;
}

}  // namespace

ImageRead read_image_bytes(std::string_view bytes, const ImageParams& params) {
  ImageRead out;
  ImageProbe probe;
  const cv::Mat color = decode_within_limits(bytes, params, probe, out.reason);
  if (color.empty()) return out;
  auto& s = out.signature;
  s.format = probe.format;
  s.width = probe.width;
  s.height = probe.height;
  s.metadata = std::move(probe.metadata);
  s.bytes_key = content_key(bytes);
  std::string pixels = std::to_string(color.cols) + "x" + std::to_string(color.rows) + ":";
  for (int y = 0; y < color.rows; ++y)
    pixels.append(color.ptr<char>(y), static_cast<std::size_t>(color.cols) * color.elemSize());
  s.pixels_key = content_key(pixels);
  cv::Mat gray;
  cv::cvtColor(color, gray, cv::COLOR_BGR2GRAY);
  s.pdq = pdq_hash(gray);
  s.featureless = count_textured_cells(gray) < params.min_textured_cells;
  out.ok = true;
  return out;
}

ImageRead read_image(const std::filesystem::path& path, const ImageParams& params) {
  ImageRead out;
  const auto bytes = read_file(path, params, out.reason);
  if (!out.reason.empty()) return out;
  out = read_image_bytes(bytes, params);
  out.signature.path = path;
  return out;
}

cv::Mat read_color(const std::filesystem::path& path, const ImageParams& params, std::string& reason) {
  const auto bytes = read_file(path, params, reason);
  ImageProbe probe;
  return reason.empty() ? decode_within_limits(bytes, params, probe, reason) : cv::Mat();
}

cv::Mat read_gray(const std::filesystem::path& path, const ImageParams& params) {
  std::string reason;
  const cv::Mat color = read_color(path, params, reason);
  cv::Mat gray;
  if (!color.empty()) cv::cvtColor(color, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

}  // namespace huella
