#!/usr/bin/env bash
# The README's first command: set up, build (release) and play. With a display
# this opens a window; without one it renders offline and says where to.
# Extra arguments go to `kagami play`, e.g. `tools/play.sh --size 1920x1080`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target kagami
exec ./build/release/kagami play "$@"
