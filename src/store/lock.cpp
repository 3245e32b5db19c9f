#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "huella/store.h"

namespace huella {

RunLock::RunLock(const std::filesystem::path& database) {
  const std::string path = database.string() + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw StoreError(path + ": cannot create the lock: " + std::strerror(errno));
  // flock, not a pid file: the kernel drops it when the holder dies, even by SIGKILL.
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    throw StoreError(error == EWOULDBLOCK
                         ? database.string() + ": another huella nightly run is using it (" +
                               path + " is locked); try again when it ends"
                         : path + ": cannot lock: " + std::strerror(error));
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace huella
