#!/usr/bin/env bash
# Installs the system packages zonegrise builds against (GEOS, PROJ, zlib, OpenSSL's
# libcrypto, readosm, SQLite, GDAL) and the tools its tests use (gdal-bin for ogrinfo,
# osmium-tool, and Debian's python3 with numpy and scipy for the routing comparison).
# chromium renders rapport.html headless in the report test (Tests/ZonegriseTests/Report);
# chromium-driver and python3-selenium drive the page of `zonegrise serve` in its browser
# test (Tests/ZonegriseServeTests/ServeBrowserTests.swift, scripts/serve-browser-check.py).
# Debian/Ubuntu; run as root or with sudo available.
set -euo pipefail
packages=(libgeos-dev libproj-dev proj-bin zlib1g-dev libssl-dev libreadosm-dev libsqlite3-dev libgdal-dev gdal-bin osmium-tool pkg-config python3 python3-numpy python3-scipy chromium chromium-driver python3-selenium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The Monaco routing test compares our searches with scipy's Dijkstra, run by the
# system's /usr/bin/python3 (Debian's, which refuses pip outside a virtual environment,
# hence the packages above). A Python without them is a failed install, not a skip.
if ! /usr/bin/python3 -c "import scipy, numpy" 2>/dev/null; then
  echo "/usr/bin/python3 cannot import numpy and scipy after installing python3-numpy and python3-scipy" >&2
  exit 1
fi
# The page's browser test drives chromium with Debian's Selenium, from /usr/bin/python3 too.
if ! /usr/bin/python3 -c "import selenium" 2>/dev/null; then
  echo "/usr/bin/python3 cannot import selenium after installing python3-selenium" >&2
  exit 1
fi
if ! command -v swift >/dev/null; then
  if [ -x /opt/swift/usr/bin/swift ]; then export PATH=/opt/swift/usr/bin:$PATH
  else echo "zonegrise needs a Swift 6.2+ toolchain on PATH (https://www.swift.org/install/linux/)" >&2; exit 1; fi
fi
swift --version 2>&1 | head -1
