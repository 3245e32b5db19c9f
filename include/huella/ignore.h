// .huellaignore: gitignore-style patterns that leave files and folders out of a cohort.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace huella {

class IgnoreRules {
 public:
  // Patterns one per line: `#` comments, `!` negation, trailing `/` for folders only, a `/`
  // anywhere but the end anchors to the root, `*` and `?` within a name, `**` across folders.
  static IgnoreRules parse(std::string_view text);
  // Reads `<root>/.huellaignore`; no file means no rules.
  static IgnoreRules load(const std::filesystem::path& root);

  // `path` is relative to the root, with `/` separators.
  bool ignored(std::string_view path, bool is_directory) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    std::string pattern;
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;
  };
  std::vector<Rule> rules_;
};

// Glob match of `text` against `pattern`: `*` and `?` stop at `/`, `**` crosses it.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace huella
