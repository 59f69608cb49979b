#!/usr/bin/env bash
# The README's test command: set up, build (debug, validation on) and run every test.
# Pass ctest arguments through, e.g. `tools/test.sh -L logic`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake --preset debug >/dev/null
cmake --build --preset debug
ctest --preset debug "$@"
