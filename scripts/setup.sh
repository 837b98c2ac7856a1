#!/usr/bin/env bash
# Prepares a machine to build, test and run GenreML. Idempotent: every step checks before it acts.
#   scripts/setup.sh            system packages (when root) + dotnet restore
#   GENREML_SKIP_APT=1 ...      never touch system packages
# Steps print what they do; any failure stops the script with the reason.
set -euo pipefail

say()  { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] FAILED: %s\n' "$*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH; install .NET SDK 10 first"

is_debian12() { [ -r /etc/os-release ] && . /etc/os-release && [ "${ID:-}" = debian ] && [ "${VERSION_ID:-}" = 12 ]; }

libstdcxx_path() {
  ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}'
}

has_glibcxx_3_4_32() {
  local lib; lib=$(libstdcxx_path)
  [ -n "$lib" ] && grep -qa 'GLIBCXX_3\.4\.32' "$lib"
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    say "apt-get update"
    apt-get update -qq || fail "apt-get update failed (see above)"
    apt_updated=1
  fi
}

ensure_debian_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -eq 0 ]; then say "present: $*"; return; fi
  apt_update_once
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
}

# TorchSharp 0.107's native library needs GLIBCXX_3.4.32 (GCC 13); Debian 12 ships 3.4.30.
# On Debian 12 only, take libstdc++6 from Debian 13 (trixie), pinned low so nothing else moves.
ensure_libstdcxx() {
  if has_glibcxx_3_4_32; then say "libstdc++ provides GLIBCXX_3.4.32 ($(libstdcxx_path))"; return; fi
  is_debian12 || fail "libstdc++ lacks GLIBCXX_3.4.32 (needed by TorchSharp) and this is not Debian 12; install libstdc++6 from GCC 13 or newer"
  local src=/etc/apt/sources.list.d/debian.sources uri
  uri=$(awk '/^URIs:/ {print $2; exit}' "$src" 2>/dev/null || true)
  [ -n "$uri" ] || uri=http://deb.debian.org/debian
  if [ ! -f /etc/apt/sources.list.d/trixie.sources ]; then
    say "adding Debian trixie suite from $uri (for libstdc++6 only)"
    printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      > /etc/apt/sources.list.d/trixie.sources
  fi
  if [ ! -f /etc/apt/preferences.d/genreml-trixie ]; then
    say "pinning trixie at priority 100 so no other package moves"
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/genreml-trixie
  fi
  apt_updated=0; apt_update_once
  say "apt-get install -t trixie libstdc++6"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null \
    || fail "could not install libstdc++6 from trixie"
  has_glibcxx_3_4_32 || fail "libstdc++6 from trixie installed but GLIBCXX_3.4.32 still missing"
  say "libstdc++ now provides GLIBCXX_3.4.32"
}

if [ "${GENREML_SKIP_APT:-0}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  ensure_libstdcxx
  # ffmpeg decodes mp3/flac/ogg/m4a; fonts let the charts render text headless.
  ensure_debian_packages ffmpeg fonts-dejavu-core
else
  has_glibcxx_3_4_32 || say "WARNING: libstdc++ lacks GLIBCXX_3.4.32; TorchSharp (training, export) will not load. Re-run as root on Debian 12 to fix."
fi

say "dotnet restore GenreML.sln"
dotnet restore GenreML.sln --nologo -v q || fail "dotnet restore failed (see above)"
say "done"
