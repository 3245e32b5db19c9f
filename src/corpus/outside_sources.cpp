#include <map>
#include <stdexcept>

#include "huella/corpus.h"

namespace fs = std::filesystem;

namespace huella {

std::string source_name(const fs::path& path) {
  const auto normal = path.lexically_normal();
  const auto name = normal.filename().string();
  if (!name.empty() && name != ".") return name;
  const auto parent = normal.parent_path().filename().string();
  return parent.empty() ? fs::absolute(path).lexically_normal().parent_path().filename().string()
                        : parent;
}

std::vector<Submission> discover_references(const fs::path& path, const DiscoveryOptions& options) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    auto document = single_file_submission(path, path.stem().string());
    return {std::move(document)};
  }
  if (!fs::is_directory(path, ec))
    throw std::runtime_error(path.string() + ": reference material not found");
  const auto folder = discover_submission(path, source_name(path), options);
  std::map<std::string, Submission> documents;  // by path without extension
  for (const auto& file : folder.files) {
    const auto stem = (fs::path(file.path).parent_path() / fs::path(file.path).stem()).generic_string();
    auto& document = documents[stem];
    if (document.id.empty()) {
      document.id = folder.id + "/" + stem;
        document.root = folder.root;
    }
    document.files.push_back(file);
  }
  std::vector<Submission> out;
  for (auto& [stem, document] : documents) out.push_back(std::move(document));
  // Skipped files are told once, with the first document.
  if (!out.empty()) out.front().skipped = folder.skipped;
  return out;
}

std::vector<Submission> discover_archive(const fs::path& path, const DiscoveryOptions& options) {
  auto cohort = discover_cohort(path, options);
  const auto name = source_name(path);
  for (auto& submission : cohort.submissions) {
    submission.id = name + "/" + submission.id;
    submission.archive = name;
  }
  return std::move(cohort.submissions);
}

}  // namespace huella
