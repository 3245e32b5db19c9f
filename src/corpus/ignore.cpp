#include "huella/ignore.h"

#include <fstream>
#include <sstream>

namespace huella {

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  // Backtracking points for the last `*` (within a segment) and the last `**`.
  std::size_t star_p = std::string_view::npos, star_t = 0;
  std::size_t globstar_p = std::string_view::npos, globstar_t = 0;
  while (t < text.size()) {
    if (p + 1 < pattern.size() && pattern[p] == '*' && pattern[p + 1] == '*') {
      p += 2;
      if (p < pattern.size() && pattern[p] == '/') ++p;
      globstar_p = p;
      globstar_t = t;
      star_p = std::string_view::npos;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p;
      star_t = t;
      continue;
    }
    if (p < pattern.size() && (pattern[p] == text[t] || (pattern[p] == '?' && text[t] != '/'))) {
      ++p;
      ++t;
      continue;
    }
    if (star_p != std::string_view::npos && text[star_t] != '/') {
      p = star_p;
      t = ++star_t;
      continue;
    }
    if (globstar_p != std::string_view::npos) {
      p = globstar_p;
      t = ++globstar_t;
      star_p = std::string_view::npos;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

IgnoreRules IgnoreRules::parse(std::string_view text) {
  IgnoreRules rules;
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Rule rule;
    if (line[0] == '!') {
      rule.negated = true;
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      rule.directory_only = true;
      line.pop_back();
    }
    rule.anchored = line.find('/') != std::string::npos;
    if (!line.empty() && line[0] == '/') line.erase(0, 1);
    if (line.empty()) continue;
    rule.pattern = std::move(line);
    rules.rules_.push_back(std::move(rule));
  }
  return rules;
}

IgnoreRules IgnoreRules::load(const std::filesystem::path& root) {
  std::ifstream in(root / ".huellaignore");
  if (!in) return {};
  std::stringstream content;
  content << in.rdbuf();
  return parse(content.str());
}

bool IgnoreRules::ignored(std::string_view path, bool is_directory) const {
  bool result = false;
  const auto slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // The last matching rule wins, as in git.
  for (const auto& rule : rules_) {
    if (rule.directory_only && !is_directory) continue;
    const bool match = rule.anchored ? glob_match(rule.pattern, path) : glob_match(rule.pattern, name);
    if (match) result = !rule.negated;
  }
  return result;
}

}  // namespace huella
