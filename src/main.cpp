#include "huella/cli.h"

int main(int argc, char** argv) { return huella::run_cli(argc, argv); }
