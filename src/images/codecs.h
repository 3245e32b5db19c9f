// OpenCV's image codecs, loaded on the first image a run meets. Linked into the program,
// imgcodecs (GDAL and about a hundred libraries behind it) would cost every run 0.2 s of
// start-up, also the runs that read no image.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace huella {

// cv::imdecode: the image, or empty when the bytes do not decode. Throws std::runtime_error
// naming the library when the codecs cannot be loaded.
cv::Mat imdecode_lazily(const cv::Mat& buffer, int flags);

// cv::imencode to `extension` (".jpg", ".png"): the file's bytes, or empty on failure. Throws
// as imdecode_lazily.
std::vector<unsigned char> imencode_lazily(const std::string& extension, const cv::Mat& image,
                                           const std::vector<int>& params);

}  // namespace huella
