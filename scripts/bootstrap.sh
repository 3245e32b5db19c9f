#!/usr/bin/env bash
# Installs the Debian packages huella needs to build and test; does nothing for those already present.
set -euo pipefail
packages=(build-essential cmake pkg-config git
  libicu-dev libxxhash-dev libeigen3-dev libopencv-dev libopencv-contrib-dev
  nlohmann-json3-dev doctest-dev libsqlite3-dev libcli11-dev libtbb-dev
  libgit2-dev libssl-dev
  chromium python3)  # the browser test of the HTML report
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
