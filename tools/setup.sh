#!/usr/bin/env bash
# Installs the Debian 12 packages Kagami needs. As root it runs apt-get for
# whatever is missing; otherwise it prints the exact command and fails. When
# everything is present it only asks dpkg, which takes well under a second.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libvulkan-dev glslc vulkan-validationlayers mesa-vulkan-drivers vulkan-tools
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev libstb-dev
  libgtest-dev libbenchmark-dev nlohmann-json3-dev libmeshoptimizer-dev
  assimp-testmodels xvfb xauth fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "kagami setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  $cmd
else
  echo "kagami setup: missing packages: ${missing[*]}" >&2
  echo "run as root:  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
