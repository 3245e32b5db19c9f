// The command line: `huella report`, `huella compare`, `huella nightly`; parses options and runs
// the pipeline.
#pragma once

namespace huella {

// Exit codes: 0 done, 1 a pair above --fail-above, 2 usage error or unreadable input, 3 a
// nightly run found something new at the --fail-on band.
int run_cli(int argc, char** argv);

}  // namespace huella
