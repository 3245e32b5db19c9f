#include "file_text.h"

#include "huella/text.h"

namespace huella {

std::string analyzed_text(const FileSummary& file) {
  if (!file.hidden_in.empty()) return file.content;
  auto read = read_text_file(file.absolute, TextLimits{});
  return read.ok ? std::move(read.decoded.text) : std::string();
}

}  // namespace huella
