#include "codecs.h"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace huella {
namespace {

using DecodeFunction = int (*)(const cv::Mat*, int, cv::Mat*);
using EncodeFunction = int (*)(const char*, const cv::Mat*, const int*, std::size_t,
                               std::vector<unsigned char>*);

constexpr const char* kPlugin = "libhuella_codecs.so";

struct Codecs {
  DecodeFunction decode = nullptr;
  EncodeFunction encode = nullptr;
  std::string error;
};

// Next to the program (the build folder), one folder up (tools in build/bench), then the
// loader's own search path (an installed library).
void* open_plugin(std::string& error) {
  std::error_code ec;
  const auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::vector<std::string> candidates;
  if (!ec) {
    candidates.push_back((program.parent_path() / kPlugin).string());
    candidates.push_back((program.parent_path().parent_path() / kPlugin).string());
  }
  candidates.emplace_back(kPlugin);
  for (const auto& candidate : candidates) {
    if (candidate.find('/') != std::string::npos && !std::filesystem::exists(candidate, ec)) continue;
    if (void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL)) return handle;
    error = ::dlerror();
  }
  return nullptr;
}

const Codecs& codecs() {
  static Codecs loaded;
  static std::once_flag once;
  std::call_once(once, [] {
    void* handle = open_plugin(loaded.error);
    if (handle == nullptr) {
      loaded.error = std::string("image codecs unavailable: ") + kPlugin + ": " + loaded.error;
      return;
    }
    loaded.decode = reinterpret_cast<DecodeFunction>(::dlsym(handle, "huella_imdecode"));
    loaded.encode = reinterpret_cast<EncodeFunction>(::dlsym(handle, "huella_imencode"));
    if (loaded.decode == nullptr || loaded.encode == nullptr)
      loaded.error = std::string("image codecs unavailable: ") + kPlugin + " lacks its entry points";
  });
  if (!loaded.error.empty()) throw std::runtime_error(loaded.error);
  return loaded;
}

}  // namespace

cv::Mat imdecode_lazily(const cv::Mat& buffer, int flags) {
  cv::Mat image;
  codecs().decode(&buffer, flags, &image);
  return image;
}

std::vector<unsigned char> imencode_lazily(const std::string& extension, const cv::Mat& image,
                                           const std::vector<int>& params) {
  std::vector<unsigned char> bytes;
  codecs().encode(extension.c_str(), &image, params.data(), params.size(), &bytes);
  return bytes;
}

}  // namespace huella
