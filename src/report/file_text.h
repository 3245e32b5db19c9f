// The text of a file as it was analyzed, for reports that show its lines.
#pragma once

#include <string>

#include "huella/report.h"

namespace huella {

// Text decoded from a hidden blob, or the file read again from disk; "" when it cannot be read.
std::string analyzed_text(const FileSummary& file);

}  // namespace huella
