#!/usr/bin/env bash
# Installs the system programs the tests use, from Debian's packages only (no pip, no downloads
# of prebuilt binaries). Called by .ci/run and by `npm test`'s pretest step; quick when all is
# already there. Needs root (apt-get); without it, it says what is missing and goes on, and the
# tests that need a missing program say so.
#   socat, ser2net       - pseudo-terminals and real ser2net (raw TCP and RFC 2217) in front of qmt-sim
#   chromium             - the Allure/compliance pages in a browser and the compliance PDF
#   poppler-utils        - pdftotext / pdftoppm, to read the PDF back in tests
#   fonts-noto-cjk       - the note's Chinese quotes in the PDF
#   labgrid (trixie-backports, Architecture: all) unpacked under .tools/labgrid, run with /usr/bin/python3
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APT_PACKAGES=(socat ser2net chromium poppler-utils fonts-noto-cjk
  python3 python3-grpcio python3-protobuf python3-jinja2 python3-yaml python3-attr python3-pexpect
  python3-serial python3-pyudev python3-usb python3-xmodem python3-requests)
LABGRID_DIR="$ROOT/.tools/labgrid"
LABGRID_PACKAGES=(python3-labgrid python3-grpcio-reflection)

log() { echo "install-system-deps: $*"; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "not root: cannot install ${missing[*]}; tests that need them will say so"
  else
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# labgrid 26 is only in trixie-backports; the machine is bookworm. A private sources file and
# lists folder keep the system's own apt state untouched; the archive keyring is already there.
if [ ! -f "$LABGRID_DIR/.complete" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/qmt-labgrid.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  # The same mirror the system uses for bookworm (read, not written here).
  uri="$(grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -1 || true)"
  [ -n "$uri" ] || uri="$(grep -h -m1 -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -1 || true)"
  if [ -z "$uri" ]; then
    log "no Debian mirror found in the system's apt sources; labgrid not installed"
    exit 0
  fi
  mkdir -p "$work/lists/partial" "$work/sourceparts" "$work/archives/partial"
  cat >"$work/sourceparts/trixie-backports.sources" <<SRC
Types: deb
URIs: $uri
Suites: trixie-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  : >"$work/empty.list"
  apt_opts=(-o Dir::Etc::sourcelist="$work/empty.list" -o Dir::Etc::sourceparts="$work/sourceparts"
    -o Dir::State::Lists="$work/lists" -o Dir::Cache::archives="$work/archives"
    -o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1)
  if apt-get "${apt_opts[@]}" update -qq >/dev/null 2>"$work/update.err" &&
    (cd "$work" && apt-get "${apt_opts[@]}" download "${LABGRID_PACKAGES[@]}" >/dev/null 2>"$work/download.err"); then
    rm -rf "$LABGRID_DIR"
    mkdir -p "$LABGRID_DIR"
    for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$LABGRID_DIR"; done
    touch "$LABGRID_DIR/.complete"
    log "labgrid unpacked into .tools/labgrid"
  else
    log "labgrid could not be downloaded: $(cat "$work"/*.err | tail -1)"
  fi
fi
