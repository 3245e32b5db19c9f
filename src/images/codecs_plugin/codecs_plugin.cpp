// The plugin behind src/images/codecs.h: OpenCV's imgcodecs behind two C entry points, so the
// program loads it with dlopen only when it meets an image.
#include <opencv2/imgcodecs.hpp>

#include <cstddef>
#include <vector>

extern "C" {

int huella_imdecode(const cv::Mat* buffer, int flags, cv::Mat* out) {
  try {
    *out = cv::imdecode(*buffer, flags);
    return 1;
  } catch (...) {  // a corrupt file must not take the run down
    out->release();
    return 0;
  }
}

int huella_imencode(const char* extension, const cv::Mat* image, const int* params,
                    std::size_t param_count, std::vector<unsigned char>* out) {
  try {
    return cv::imencode(extension, *image, *out, std::vector<int>(params, params + param_count)) ? 1 : 0;
  } catch (...) {
    out->clear();
    return 0;
  }
}

}  // extern "C"
