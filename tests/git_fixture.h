// Git repositories for tests, built with the git CLI: dated commits, clones, bare mirrors.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace huella::test {

inline std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs `git ARGS` in `folder` with author and committer dated `date` (ISO 8601, UTC).
inline void git(const std::filesystem::path& folder, const std::string& args,
                const std::string& date = "2026-01-01T00:00:00Z") {
  const std::string command =
      "cd " + quoted(folder.string()) + " && GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date +
      " GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t"
      " GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent"
      " git -c init.defaultBranch=main -c commit.gpgsign=false " + args + " >/dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
}

// A working repository whose commits write files (path → content; empty content removes).
class GitRepo {
 public:
  explicit GitRepo(std::filesystem::path folder) : folder_(std::move(folder)) {
    std::filesystem::create_directories(folder_);
    git(folder_, "init -q");
  }
  // A clone of `origin` (a fork of it) at `folder`.
  GitRepo(const GitRepo& origin, std::filesystem::path folder) : folder_(std::move(folder)) {
    git(origin.folder_.parent_path(), "clone -q " + quoted(origin.folder_.string()) + " " + quoted(folder_.string()));
  }

  void commit(const std::map<std::string, std::string>& files, const std::string& date,
              const std::string& message = "work") const {
    for (const auto& [path, content] : files) {
      const auto full = folder_ / path;
      if (content.empty()) {
        std::filesystem::remove(full);
        continue;
      }
      std::filesystem::create_directories(full.parent_path());
      std::ofstream(full, std::ios::binary) << content;
    }
    git(folder_, "add -A");
    git(folder_, "commit -q -m " + quoted(message), date);
  }

  // A bare mirror of this repository at `folder`, as a server would hold it.
  void mirror_to(const std::filesystem::path& folder) const {
    git(folder_.parent_path(), "clone -q --bare " + quoted(folder_.string()) + " " + quoted(folder.string()));
  }

  const std::filesystem::path& path() const { return folder_; }

 private:
  std::filesystem::path folder_;
};

// A Python producer whose token stream depends on `seed`, long enough (about 70 lines) to give
// fragments, different enough between seeds to score as original.
inline std::string python_program(unsigned seed) {
  std::string out = "from kafka import KafkaProducer\nimport json, time, requests\n";
  unsigned state = seed * 2654435761u + 1;
  const auto next = [&state](unsigned n) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % n;
  };
  const char* ops[] = {"+", "-", "*", "%", "//"};
  for (unsigned i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    out += "def f" + n + "(xs, y):\n";
    if (next(2)) out += "    while y.ok(" + n + "):\n        y.step()\n";
    out += "    for item in xs:\n";
    out += "        if item['mag'] " + std::string(ops[next(5)]) + " " + std::to_string(next(9)) + " > y.get('k" + n + "'):\n";
    if (next(2))
      out += "            y.send('topic" + n + "', {'id': item['id'], 'v': item[" + n + "]})\n";
    else
      out += "            raise ValueError(item)\n";
    if (next(2)) out += "    y.flush()\n";
    out += "    return [z " + std::string(ops[next(5)]) + " " + n + " for z in range(y.count())]\n";
  }
  return out;
}

}  // namespace huella::test
