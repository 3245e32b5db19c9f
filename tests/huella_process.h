// Running the huella binary as scripts do, and reading what it wrote.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace huella::test {

struct Run {
  int exit_code;
  std::string out;
};

// Runs huella with `arguments` (shell-quoted by the caller). stdout is captured; stderr too when
// `with_errors`, else it is discarded.
inline Run run_huella(const std::string& arguments, bool with_errors = false) {
  const std::string command =
      std::string(HUELLA_BINARY) + " " + arguments + (with_errors ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline std::string file_content(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace huella::test
