#include <algorithm>
#include <array>
#include <stdexcept>

#include "huella/corpus.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_inside(const fs::path& root, const fs::path& target) {
  const auto r = root.lexically_normal().string();
  const auto t = target.lexically_normal().string();
  return t == r || starts_with(t, r.back() == '/' ? r : r + "/");
}

class SubmissionWalker {
 public:
  SubmissionWalker(Submission& out, const DiscoveryOptions& options, const IgnoreRules& ignore,
                   std::string_view ignore_prefix)
      : out_(out), options_(options), ignore_(ignore), ignore_prefix_(ignore_prefix) {
    std::error_code ec;
    canonical_root_ = fs::canonical(out.root, ec);
    if (ec) canonical_root_ = fs::absolute(out.root).lexically_normal();
  }

  void walk(const fs::path& folder, const std::string& relative) {
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::none, ec);
    if (ec) {
      skip(relative.empty() ? "./" : relative + "/", "cannot list folder: " + ec.message(), true);
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& entry : entries) {
      if (full_) return;
      visit(entry, relative);
    }
  }

  // One line for the whole submission rather than one per file left out.
  void report_limit() {
    if (full_)
      skip("./", "more than " + std::to_string(options_.max_files) +
                   " files (limit): the files after the first ones in path order are not read",
           true);
  }

 private:
  void visit(const fs::directory_entry& entry, const std::string& parent) {
    const std::string name = entry.path().filename().string();
    const std::string relative = parent.empty() ? name : parent + "/" + name;
    std::error_code ec;
    const auto link_status = entry.symlink_status(ec);
    if (fs::is_symlink(link_status)) {
      const auto target = fs::weakly_canonical(entry.path(), ec);
      // Targets inside the submission are read where they are; nothing outside is ever read.
      if (ec)
        skip(relative, "symbolic link that cannot be resolved (a loop?): not followed", true);
      else if (is_inside(canonical_root_, target))
        skip(relative, "symbolic link (its target inside the submission is read directly)");
      else
        skip(relative, "symbolic link pointing outside the submission (not followed)", true);
      return;
    }
    const bool is_dir = fs::is_directory(link_status);
    const std::string ignore_path =
        ignore_prefix_.empty() ? relative : std::string(ignore_prefix_) + "/" + relative;
    if (ignore_.ignored(ignore_path, is_dir)) return;  // ignored on purpose: not a skip to report
    if (is_dir) {
      if (auto reason = skipped_folder_reason(name); !reason.empty()) {
        skip(relative + "/", reason);
        return;
      }
      walk(entry.path(), relative);
      return;
    }
    if (!fs::is_regular_file(link_status)) {
      skip(relative, "not a regular file", true);
      return;
    }
    if (auto reason = skipped_file_reason(name); !reason.empty()) {
      skip(relative, reason);
      return;
    }
    const Language* language = language_for_file(name);
    if (language == nullptr) {
      skip(relative, "not a format huella compares");
      return;
    }
    const auto size = entry.file_size(ec);
    if (ec) {
      skip(relative, "cannot read size: " + ec.message(), true);
      return;
    }
    if (language->channel != Channel::images && size > options_.max_file_bytes) {
      skip(relative, "too large: " + std::to_string(size) + " bytes (limit " +
                         std::to_string(options_.max_file_bytes) + ")",
           true);
      return;
    }
    if (out_.files.size() >= options_.max_files) {
      full_ = true;
      return;
    }
    out_.files.push_back({relative, entry.path(), language->channel, language, size});
  }

  void skip(std::string path, std::string reason, bool problem = false) {
    out_.skipped.push_back({std::move(path), std::move(reason), problem});
  }

  Submission& out_;
  const DiscoveryOptions& options_;
  const IgnoreRules& ignore_;
  std::string_view ignore_prefix_;
  fs::path canonical_root_;
  bool full_ = false;  // max_files reached: the walk stops
};

bool is_folder(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(fs::symlink_status(p, ec));
}

std::vector<fs::path> subfolders(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || !skipped_folder_reason(name).empty()) continue;
    if (is_folder(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Module folders of a fork: entregas/<module>/ (or the one named), and trabajo_final/ at the root.
std::vector<fs::path> module_folders(const fs::path& fork, const std::string& module) {
  std::vector<fs::path> out;
  if (!module.empty()) {
    for (const auto& candidate : {fork / "entregas" / module, fork / module})
      if (is_folder(candidate)) {
        out.push_back(candidate);
        break;
      }
    return out;
  }
  if (is_folder(fork / "entregas"))
    for (const auto& m : subfolders(fork / "entregas")) out.push_back(m);
  if (is_folder(fork / "trabajo_final")) out.push_back(fork / "trabajo_final");
  return out;
}

void add_forks(Cohort& cohort, const fs::path& root, const DiscoveryOptions& options,
               const IgnoreRules& ignore) {
  for (const auto& fork : subfolders(root)) {
    const std::string fork_name = fork.filename().string();
    for (const auto& module : module_folders(fork, options.module)) {
      for (const auto& student : subfolders(module)) {
        const auto prefix = fs::relative(student, root).generic_string();
        if (ignore.ignored(prefix, true)) continue;
        std::string id = fork_name + "/" + student.filename().string();
        cohort.submissions.push_back(
            discover_submission(student, std::move(id), options, ignore, prefix));
      }
    }
  }
}

}  // namespace

std::string skipped_folder_reason(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kFolders = {{
      {".git", "version-control folder"},        {".hg", "version-control folder"},
      {".svn", "version-control folder"},        {"node_modules", "dependency folder"},
      {"bower_components", "dependency folder"}, {"site-packages", "dependency folder"},
      {".venv", "virtual environment"},          {"venv", "virtual environment"},
      {"env", "virtual environment"},            {".tox", "virtual environment"},
      {"__pycache__", "cache folder"},           {".ipynb_checkpoints", "cache folder"},
      {".pytest_cache", "cache folder"},         {".mypy_cache", "cache folder"},
      {".ruff_cache", "cache folder"},           {".cache", "cache folder"},
      {".terraform", "Terraform provider cache"}, {".idea", "editor settings"},
      {".vscode", "editor settings"},            {"spark-warehouse", "Spark output"},
      {"metastore_db", "Spark output"},          {"checkpoint", "Spark output"},
  }};
  for (const auto& [folder, reason] : kFolders)
    if (name == folder) return std::string(reason);
  return {};
}

std::string skipped_file_reason(std::string_view name) {
  if (name == ".DS_Store" || name == "Thumbs.db" || name == "desktop.ini") return "OS metadata";
  if (name == "_SUCCESS" || ends_with(name, ".crc") || starts_with(name, "part-"))
    return "Spark output";
  if (ends_with(name, ".tfstate") || ends_with(name, ".tfstate.backup") ||
      name == ".terraform.lock.hcl")
    return "Terraform state (generated)";
  if (ends_with(name, ".min.js") || ends_with(name, ".min.css")) return "minified library";
  if (name == "package-lock.json" || name == "yarn.lock" || name == "poetry.lock")
    return "lock file (generated)";
  return {};
}

Submission discover_submission(const fs::path& root, std::string id,
                               const DiscoveryOptions& options, const IgnoreRules& ignore,
                               std::string_view ignore_prefix) {
  Submission submission;
  submission.id = std::move(id);
  submission.root = root;
  SubmissionWalker walker(submission, options, ignore, ignore_prefix);
  walker.walk(root, "");
  walker.report_limit();
  std::sort(submission.files.begin(), submission.files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return submission;
}

Submission single_file_submission(const fs::path& file, std::string id) {
  Submission submission;
  submission.id = std::move(id);
  submission.root = file.parent_path();
  const std::string name = file.filename().string();
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  const Language* language = language_for_file(name);
  if (ec)
    submission.skipped.push_back({name, "cannot read: " + ec.message(), true});
  else if (language == nullptr)
    submission.skipped.push_back({name, "not a format huella compares", true});
  else
    submission.files.push_back({name, file, language->channel, language, size});
  return submission;
}

Layout detect_layout(const fs::path& root) {
  for (const auto& child : subfolders(root))
    if (is_folder(child / "entregas") || is_folder(child / "trabajo_final")) return Layout::forks;
  return Layout::flat;
}

Cohort discover_cohort(const fs::path& root, const DiscoveryOptions& options) {
  if (!is_folder(root)) throw std::runtime_error(root.string() + ": not a readable folder");
  Cohort cohort;
  cohort.layout = options.layout == Layout::automatic ? detect_layout(root) : options.layout;
  const IgnoreRules ignore = IgnoreRules::load(root);
  if (cohort.layout == Layout::forks) {
    add_forks(cohort, root, options, ignore);
  } else {
    for (const auto& folder : subfolders(root)) {
      const std::string name = folder.filename().string();
      if (ignore.ignored(name, true)) continue;
      cohort.submissions.push_back(discover_submission(folder, name, options, ignore, name));
    }
  }
  std::sort(cohort.submissions.begin(), cohort.submissions.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return cohort;
}

}  // namespace huella
