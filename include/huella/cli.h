// The command line: `huella report`, `huella compare`; parses options and runs the pipeline.
#pragma once

namespace huella {

// Exit codes: 0 done, 1 a pair above --fail-above, 2 usage error or unreadable input.
int run_cli(int argc, char** argv);

}  // namespace huella
