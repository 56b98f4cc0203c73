#!/usr/bin/env bash
# Installer smoke check: unpacks the .deb into a scratch root with `dpkg -x` (no root rights, nothing installed on
# the machine), then starts the installed launcher under a private Xvfb display with `--smoke`, which exits 0 once
# the first window has been shown. The app gets an empty HOME, so it shows first run and touches no real wallet.
#
#   packaging/smoke-deb.sh [path/to/latchkey_*.deb] [scratch-root]
#
# Needs dpkg-deb and Xvfb (apt-get install xvfb libgtk-3-0). Prints the launcher's output; exit status is the app's.
set -euo pipefail
cd "$(dirname "$0")/.."

deb="${1:-$(ls target/package/latchkey_*.deb 2>/dev/null | head -1 || true)}"
root="${2:-target/package/smoke-root}"
[ -f "$deb" ] || { echo "smoke-deb: no .deb (build one with packaging/build.sh)" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "smoke-deb: Xvfb is missing (apt-get install xvfb)" >&2; exit 2; }

rm -rf "$root"
mkdir -p "$root"
dpkg -x "$deb" "$root"
launcher="$root/opt/latchkey/bin/Latchkey"
[ -x "$launcher" ] || { echo "smoke-deb: $launcher is missing or not executable" >&2; exit 1; }
echo "[smoke] unpacked $deb into $root"

home="$(mktemp -d)"
display_file="$(mktemp)"
# Xvfb picks a free display and writes its number to the file (no xvfb-run, so xauth is not needed).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$display_file" >/dev/null 2>&1 &
xvfb_pid=$!
cleanup() { kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; rm -rf "$home" "$display_file"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  [ -s "$display_file" ] && break
  sleep 0.1
done
[ -s "$display_file" ] || { echo "smoke-deb: Xvfb did not start" >&2; exit 1; }
display=":$(head -1 "$display_file")"

echo "[smoke] starting $launcher --smoke on display $display"
set +e
start=$(date +%s%N)
env -i PATH=/usr/bin:/bin HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  XDG_CACHE_HOME="$home/.cache" DISPLAY="$display" LANG=C.UTF-8 \
  timeout 120 "$launcher" --smoke
status=$?
set -e
echo "[smoke] exit status $status after $(( ($(date +%s%N) - start) / 1000000 )) ms"
exit "$status"
