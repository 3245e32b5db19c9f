#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "huella/report.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

fs::path temporary_beside(const fs::path& path) {
  return path.parent_path() /
         ("." + path.filename().string() + ".tmp." + std::to_string(::getpid()));
}

}  // namespace

std::string write_file_atomically(const fs::path& path, const std::string& content) {
  std::error_code exists;
  const auto status = fs::status(path, exists);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // A device or pipe (/dev/null, /dev/stdout) is written in place: renaming over it would
    // replace it with a file.
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return out ? std::string() : path.string() + ": cannot write";
  }
  const fs::path temporary = temporary_beside(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return path.string() + ": cannot write (cannot create a file in its folder)";
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return path.string() + ": cannot write (disk full?)";
    }
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return path.string() + ": cannot write: " + ec.message();
  }
  return {};
}

std::string check_writable(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return path.string() + ": is a folder, not a file";
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec))
    return ::access(path.c_str(), W_OK) == 0 ? std::string() : path.string() + ": not writable";
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec)) return path.string() + ": its folder does not exist";
  if (::access(folder.c_str(), W_OK) != 0) return path.string() + ": its folder is not writable";
  return {};
}

}  // namespace huella
