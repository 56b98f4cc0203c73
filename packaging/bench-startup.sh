#!/usr/bin/env bash
# Start-up benchmark of the desktop app (docs/benchmarks.md): cold start to the first window and resident memory
# at that moment, under Xvfb, with a fresh HOME per run (so the app shows first run and reads no wallet).
#
#   packaging/build.sh --type app-image      # once: the packaged app (what the .deb installs)
#   packaging/bench-startup.sh [runs]        # default 5 runs per variant
#
# Variants: the packaged launcher (bundled jlinked runtime), plain `java -cp` on the build's classes with the
# build JDK, and `mvn -q -o exec:java` (the developer command without the compile step; RSS is Maven's JVM too).
# "window" = wall time from fork to the smoke line, measured here; "in-app" = the app's own figure since its
# process started; "CPU" = user + sys of the whole run (start, first window, exit), the figure least disturbed by
# other work on the machine; RSS = VmRSS when the first window is shown. Each variant's first run is reported
# separately (cold page cache for its files); medians are over all runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
launcher=target/package/image/Latchkey/bin/Latchkey
[ -x "$launcher" ] || { echo "bench-startup: no $launcher; run packaging/build.sh --type app-image first" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "bench-startup: Xvfb is missing (apt-get install xvfb)" >&2; exit 2; }

display_file="$(mktemp)"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$display_file" >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -f "$display_file"' EXIT
for _ in $(seq 1 100); do [ -s "$display_file" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$display_file")"

classpath="target/classes:$(ls target/package/deps/*.jar | paste -sd:)"

# one run: prints "window_ms in_app_ms rss_mib cpu_ms"
measure() {
  local home timing start found
  home="$(mktemp -d)"
  timing="$(mktemp)"
  start=$(date +%s%N)
  # the time is taken when the line arrives, not when the process has exited
  found="$( { HOME="$home" XDG_DATA_HOME="$home/.local/share" /usr/bin/time -o "$timing" -f '%U %S' "$@" 2>/dev/null; } |
    while IFS= read -r line; do
      [[ "$line" == *"first window shown"* ]] && echo "$(date +%s%N) $line"
    done)"
  rm -rf "$home"
  [ -n "$found" ] || { echo "bench-startup: no smoke line from: $*" >&2; exit 1; }
  local at in_app rss cpu
  at="${found%% *}"
  in_app="$(sed -n 's/.*(\([0-9]*\) ms after process start.*/\1/p' <<<"$found")"
  rss="$(sed -n 's/.*resident memory \([0-9]*\) MiB.*/\1/p' <<<"$found")"
  cpu="$(awk '{printf "%d", ($1 + $2) * 1000}' "$timing")"
  rm -f "$timing"
  echo "$(( (at - start) / 1000000 )) ${in_app:-?} ${rss:-?} ${cpu:-?}"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

report() {
  local name="$1"; shift
  local results=() first
  for i in $(seq 1 "$runs"); do
    results+=("$(measure "$@")")
  done
  first="${results[0]}"
  column() { printf '%s\n' "${results[@]}" | cut -d' ' -f"$1" | grep -v '?' | median; }
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(cut -d' ' -f1 <<<"$first")" "$(column 1)" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | sort -n | sed -n '1p;$p' | paste -sd- -)" \
    "$(column 2)" "$(column 4)" "$(column 3)"
}

echo "Start-up, $runs runs each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
echo
echo "| variant | first run: window ms | median: window ms | range ms | median: in-app ms | median: CPU ms (whole run) | median RSS MiB |"
echo "|---|---|---|---|---|---|---|"
report "packaged app (jlinked runtime)" "$launcher" --smoke
report "java -cp (build JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2))" \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" dev.latchkey.app.Launcher --smoke
report "mvn -q -o exec:java" mvn -q -o exec:java -Dapp.args=--smoke
