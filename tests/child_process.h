// Runs the huella binary as a child process and reports how it ended and what it cost.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace huella::test {

struct ChildRun {
  int exit_code = -1;  // -1 when killed by a signal
  long peak_kib = 0;   // peak resident memory (wait4's ru_maxrss)
  std::vector<std::string> errors;  // stderr, one entry per line
};

// Runs huella with `arguments`, stdout discarded, stderr kept in `stderr_file`. With
// `max_file_bytes`, no file the child writes may grow past it (RLIMIT_FSIZE: a full disk).
inline ChildRun run_huella_child(const std::vector<std::string>& arguments,
                                 const std::filesystem::path& stderr_file,
                                 std::optional<rlim_t> max_file_bytes = std::nullopt) {
  std::vector<std::string> words = arguments;
  words.insert(words.begin(), HUELLA_BINARY);
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out = ::open("/dev/null", O_WRONLY);
    const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    if (max_file_bytes) {
      std::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG instead
      const rlimit limit{*max_file_bytes, *max_file_bytes};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ChildRun run;
  int status = 0;
  rusage usage{};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) return run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.peak_kib = usage.ru_maxrss;
  std::ifstream in(stderr_file);
  for (std::string line; std::getline(in, line);) run.errors.push_back(line);
  return run;
}

}  // namespace huella::test
