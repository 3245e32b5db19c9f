// Internals of the images stage shared by its source files; OpenCV stays out of the public header.
#pragma once

#include <opencv2/core.hpp>
#include <opencv2/features2d.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "huella/images.h"

namespace huella {

// The image as BGR at working scale (reduced when larger than params.working_side), or empty
// with a reason. `probe` must be ok.
cv::Mat decode_image(std::string_view bytes, const ImageProbe& probe, const ImageParams& params,
                     std::string& reason);

// The image at `path` as BGR at working scale, within the limits; empty with a reason if it fails.
cv::Mat read_color(const std::filesystem::path& path, const ImageParams& params, std::string& reason);

// The image at `path` in grey at working scale, read again to verify a match; empty if it fails.
cv::Mat read_gray(const std::filesystem::path& path, const ImageParams& params);

// The first frame of a GIF on its logical screen, as BGR; empty with a reason when corrupt or
// when the frame itself has more than `max_pixels`.
cv::Mat decode_gif(std::string_view bytes, std::uint64_t max_pixels, std::string& reason);

// EXIF text fields (Make, Model, Software, DateTime, DateTimeOriginal...) of a TIFF block.
void read_exif(std::string_view tiff, std::vector<MetadataField>& out);

PdqHash pdq_hash(const cv::Mat& gray);

// 8×8 cells whose grey levels vary (text, edges): what there is to compare.
std::uint32_t count_textured_cells(const cv::Mat& gray);

// An image ready for verification: grey at working scale, ORB features computed on demand.
struct PreparedImage {
  cv::Mat gray;
  std::vector<cv::KeyPoint> keypoints;
  cv::Mat descriptors;
};

void detect_keypoints(PreparedImage& image, const ImageParams& params);

// Same picture at another size: aligns by scaling alone (same aspect ratio), then compares.
ImageCheck verify_scaled(const cv::Mat& a, const cv::Mat& b, const ImageParams& params);
// Aligns by ORB matches (ratio test) and a RANSAC homography, then compares the overlap.
ImageCheck verify_keypoints(const PreparedImage& a, const PreparedImage& b, const ImageParams& params);

}  // namespace huella
