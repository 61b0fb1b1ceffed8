#!/usr/bin/env bash
# Installs a headless Chromium and a font with Vietnamese letters from the distribution's
# packages, for tests/browser.rs. Uses apt-get as root, or through `sudo -n` when not root.
# Prints what it did; exits 0 and says so when it cannot install (the test then reports
# that it skipped, unless VANBAN_REQUIRE_BROWSER is set).
set -uo pipefail

for b in chromium-headless-shell chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then
    echo "install-browser: $b already installed ($(command -v "$b"))"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get on this machine: not installing Chromium"
  exit 0
fi
if [[ $(id -u) == 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-browser: not root and no password-less sudo: not installing Chromium"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq || echo "install-browser: apt-get update failed; trying the package lists at hand"
# Debian packages the headless shell on its own (no GTK); Ubuntu's chromium is a snap
# wrapper, so the headless shell or, failing it, chromium itself.
for pkg in chromium-headless-shell chromium; do
  if "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$pkg" fonts-dejavu-core >/dev/null; then
    echo "install-browser: installed $pkg"
    exit 0
  fi
done
echo "install-browser: could not install Chromium from the package lists"
exit 0
