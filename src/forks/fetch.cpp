#include <git2.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string_view>

#include "huella/forks.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

// Branches are mirrored as local branches, so HEAD of the mirror is the fork's default branch.
constexpr const char* kMirrorSpec = "+refs/heads/*:refs/heads/*";

int create_mirror_remote(git_remote** out, git_repository* repo, const char* name, const char* url,
                         void*) {
  return git_remote_create_with_fetchspec(out, repo, name, url, kMirrorSpec);
}

// HEAD of the mirror follows the fork's default branch, as `git clone --mirror` does.
int follow_default_branch(git_repository* repo) {
  git_remote* remote = nullptr;
  git_buf branch = GIT_BUF_INIT;
  int rc = git_remote_lookup(&remote, repo, "origin");
  if (rc == 0) rc = git_remote_connect(remote, GIT_DIRECTION_FETCH, nullptr, nullptr, nullptr);
  if (rc == 0) rc = git_remote_default_branch(&branch, remote);
  if (rc == 0) rc = git_repository_set_head(repo, branch.ptr);
  git_buf_dispose(&branch);
  git_remote_free(remote);
  return rc;
}

// Runs in the child: the whole transfer; returns "" or libgit2's reason.
std::string transfer(const std::string& url, const fs::path& mirror) {
  git_libgit2_init();
  std::error_code ec;
  git_repository* repo = nullptr;
  std::string reason;
  if (fs::exists(mirror, ec)) {
    git_remote* remote = nullptr;
    git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
    options.prune = GIT_FETCH_PRUNE;
    // The list may name a new URL for the fork: the mirror follows it.
    if (git_repository_open_bare(&repo, mirror.c_str()) != 0 ||
        git_remote_set_url(repo, "origin", url.c_str()) != 0 ||
        git_remote_lookup(&remote, repo, "origin") != 0 ||
        git_remote_fetch(remote, nullptr, &options, nullptr) != 0 || follow_default_branch(repo) != 0)
      reason = git_error_last() ? git_error_last()->message : "fetch failed";
    git_remote_free(remote);
  } else {
    // Cloned beside the mirror and renamed: a clone cut short is never taken for a mirror.
    const fs::path partial = mirror.string() + ".partial";
    fs::remove_all(partial, ec);
    git_clone_options options = GIT_CLONE_OPTIONS_INIT;
    options.bare = 1;
    options.remote_cb = create_mirror_remote;
    if (git_clone(&repo, url.c_str(), partial.c_str(), &options) != 0 || follow_default_branch(repo) != 0)
      reason = git_error_last() ? git_error_last()->message : "clone failed";
    else
      fs::rename(partial, mirror, ec);
    if (ec) reason = ec.message();
    if (!reason.empty()) fs::remove_all(partial, ec);
  }
  git_repository_free(repo);
  return reason;
}

}  // namespace

std::string fetch_mirror(const std::string& url, const fs::path& mirror, std::chrono::seconds timeout) {
  int channel[2];
  if (::pipe(channel) != 0) return url + ": cannot start the fetch";
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(channel[0]);
    ::close(channel[1]);
    return url + ": cannot start the fetch";
  }
  if (child == 0) {
    ::close(channel[0]);
    const std::string reason = transfer(url, mirror);
    const ssize_t written = ::write(channel[1], reason.data(), reason.size());
    ::_exit(written == static_cast<ssize_t>(reason.size()) && reason.empty() ? 0 : 1);
  }
  ::close(channel[1]);
  std::string reason;
  bool timed_out = false;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd wait_for{channel[0], POLLIN, 0};
    if (::poll(&wait_for, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[512];
    const ssize_t n = ::read(channel[0], buffer, sizeof buffer);
    if (n <= 0) break;  // the child has finished and closed its end
    reason.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(channel[0]);
  if (timed_out) ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (timed_out) {
    std::error_code ec;
    fs::remove_all(mirror.string() + ".partial", ec);
    return url + ": no answer within " + std::to_string(timeout.count()) + " s (fetch abandoned)";
  }
  if (!reason.empty()) return url + ": " + reason;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return url + ": fetch failed";
  return {};
}

std::string fork_of_submission(std::string_view id) { return std::string(id.substr(0, id.find('/'))); }

std::string fork_name_of_url(const std::string& url) {
  std::string_view rest = url;
  if (const auto scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.ends_with(".git")) rest.remove_suffix(4);
  std::vector<std::string_view> parts;
  for (std::size_t at = 0; at <= rest.size();) {
    const auto next = std::min(rest.find_first_of("/:", at), rest.size());
    if (next > at) parts.push_back(rest.substr(at, next - at));
    at = next + 1;
  }
  if (parts.empty()) return "fork";
  // host/owner/repo (and git@host:owner/repo): the owner is the student.
  return std::string(parts.size() >= 3 ? parts[parts.size() - 2] : parts.back());
}

}  // namespace huella
