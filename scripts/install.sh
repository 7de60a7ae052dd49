#!/usr/bin/env bash
# Installs Zavmo Desktop into ./.venv, with the system libraries Qt and
# espeak-ng need on Debian/Ubuntu. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's xcb platform plugin, fonts and OpenGL; espeak-ng for read-aloud;
# alsa-utils because pyttsx3 plays speech through aplay; xvfb for screenshots;
# strace for the test that proves a hostile pack never makes the app open a file outside it;
# dbus-daemon, at-spi2-core and python3-pyatspi for the test that reads the app over AT-SPI
# as a screen reader does.
# Pango and HarfBuzz-subset for WeasyPrint (the PDF export), poppler-utils (pdftoppm) to look at it.
SYSTEM_PACKAGES=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  espeak-ng libespeak-ng1 alsa-utils xvfb xauth strace
  dbus-daemon at-spi2-core python3-pyatspi
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
)

install_system_packages() {
  command -v apt-get >/dev/null 2>&1 || {
    echo "Not a Debian/Ubuntu system: install Qt's and espeak-ng's libraries by hand (see README)."
    return 0
  }
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

install_python_packages() {
  local python="${PYTHON:-python3}"
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e "${1:-.}"
}

install_system_packages
install_python_packages "${1:-.}"
echo "Installed. Start the app with: .venv/bin/zavmo-desktop"
