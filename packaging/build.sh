#!/usr/bin/env bash
# Builds the Latchkey installer in one command (docs/packaging.md):
#
#   packaging/build.sh                 # Linux: target/package/latchkey_<version>_amd64.deb (+ the app image)
#   packaging/build.sh --type app-image
#   packaging/build.sh --type msi|dmg  # on Windows (Git Bash) / macOS; see packaging/jpackage/{windows,macos}.args
#   packaging/build.sh --skip-maven    # reuse target/ (the jar and target/package/deps from `mvn package`)
#
# Steps: `mvn package` (app jar + runtime dependencies in target/package/deps) -> jlink a runtime from this JDK's
# modules plus JavaFX's platform jars as named modules, with JavaFX's native libraries in the runtime's lib folder
# -> jpackage an app image (the app on the class path) -> jpackage the installer from that image.
# Needs JAVA_HOME (or java on the PATH) to be a JDK 21+ with jlink and jpackage, and for a .deb dpkg-deb and
# fakeroot. The runtime is linked from the JDK's jmods when it has them, else from its run-time image (JEP 493).
set -euo pipefail
cd "$(dirname "$0")/.."

type=""
skip_maven=false
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type="$2"; shift 2 ;;
    --skip-maven) skip_maven=true; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "packaging/build.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux; default_type=deb; lib_dir=lib; native_glob='*.so' ;;
  Darwin) os=macos; default_type=dmg; lib_dir=lib; native_glob='*.dylib' ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_type=msi; lib_dir=bin; native_glob='*.dll' ;;
  *) echo "packaging/build.sh: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
type="${type:-$default_type}"

if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
for tool in jlink jpackage java; do
  if [ ! -x "$JAVA_HOME/bin/$tool" ] && [ ! -x "$JAVA_HOME/bin/$tool.exe" ]; then
    echo "packaging/build.sh: $JAVA_HOME/bin/$tool is missing: JAVA_HOME must be a full JDK 21+" >&2
    exit 1
  fi
done
if [ "$type" = deb ]; then
  for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || { echo "packaging/build.sh: a .deb needs $tool (apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
  done
fi

version="$(sed -n 's:.*<app.version>\(.*\)</app.version>.*:\1:p' pom.xml | head -1)"
out=target/package
step() { echo "[package] $*"; }

if [ "$skip_maven" = false ]; then
  step "mvn package (tests skipped: run mvn verify for them)"
  rm -rf "$out/deps" # copy-dependencies never deletes, so a bumped version would leave the old jar behind
  mvn -q -DskipTests package
fi
jar="$(ls target/latchkey-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -1 || true)"
[ -n "$jar" ] && [ -d "$out/deps" ] || { echo "packaging/build.sh: no target/latchkey-*.jar or $out/deps: run mvn package first" >&2; exit 1; }

# JavaFX's platform jars (javafx-graphics-21.0.11-linux.jar) become modules of the runtime; the classifier-less
# javafx-*.jar Maven also resolves are empty placeholders; every other jar goes on the app's class path.
step "sorting $(ls "$out/deps" | wc -l) dependency jars"
rm -rf "$out/input" "$out/jfx" "$out/runtime" "$out/image"
mkdir -p "$out/input" "$out/jfx"
for dep in "$out"/deps/*.jar; do
  name="$(basename "$dep")"
  if [[ "$name" =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then
    cp "$dep" "$out/jfx/"
  elif [[ ! "$name" =~ ^javafx-[a-z]+-[0-9.]+\.jar$ ]]; then
    cp "$dep" "$out/input/"
  fi
done
cp "$jar" "$out/input/latchkey.jar"
[ -n "$(ls "$out/jfx")" ] || { echo "packaging/build.sh: no JavaFX platform jars in $out/deps" >&2; exit 1; }

modules="$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' packaging/jlink.modules | tr -d ' ' | paste -sd, -)"
step "jlink runtime: $modules"
# JavaFX's natives are resources at the root of javafx.graphics; they are left out of the module image and placed
# where a JDK keeps its own libraries, so they load with System.loadLibrary instead of being extracted to ~/.openjfx.
# No jlink compression: the installer compresses the whole payload anyway, and does it better on uncompressed
# modules (docs/packaging.md); classes then load without inflating.
"$JAVA_HOME/bin/jlink" --module-path "$out/jfx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages \
  --exclude-resources "glob:/javafx.graphics/$native_glob" \
  --output "$out/runtime"
for fx in "$out"/jfx/*.jar; do
  natives="$("$JAVA_HOME/bin/jar" tf "$fx" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)"
  if [ -n "$natives" ]; then
    fx_abs="$(cd "$(dirname "$fx")" && pwd)/$(basename "$fx")"
    # shellcheck disable=SC2086 # one name per word
    (cd "$out/runtime/$lib_dir" && "$JAVA_HOME/bin/jar" xf "$fx_abs" $natives)
  fi
done
ls "$out/runtime/$lib_dir"/$native_glob | grep -q glass || { echo "packaging/build.sh: JavaFX natives missing from the runtime" >&2; exit 1; }

# Options the runtime's own release understands (JDK 23+ warns about JavaFX 21's sun.misc.Unsafe use).
runtime_major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$out/runtime/release")"
extra=()
if [ "${runtime_major:-21}" -ge 23 ]; then
  extra+=(--java-options --sun-misc-unsafe-memory-access=allow)
fi

icon="src/main/resources/dev/latchkey/app/icons/latchkey-256.png"
os_icon=(--icon "$icon")
if [ "$os" = windows ]; then os_icon=(); [ -f packaging/windows/latchkey.ico ] && os_icon=(--icon packaging/windows/latchkey.ico); fi
if [ "$os" = macos ]; then os_icon=(); [ -f packaging/macos/latchkey.icns ] && os_icon=(--icon packaging/macos/latchkey.icns); fi

step "jpackage app image ($version, runtime JDK $runtime_major)"
"$JAVA_HOME/bin/jpackage" @packaging/jpackage/common.args @packaging/jpackage/app-image.args "${extra[@]}" \
  "${os_icon[@]}" --type app-image --input "$out/input" --runtime-image "$out/runtime" \
  --app-version "$version" --dest "$out/image"
image="$(ls -d "$out"/image/* | head -1)"

if [ "$type" != app-image ]; then
  step "jpackage $type from $image"
  rm -f "$out"/*."$type"
  # gzip, not dpkg's default xz: xz saves ~7 MB of ~66 but takes minutes on 2 cores (docs/packaging.md).
  DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" \
    "$JAVA_HOME/bin/jpackage" @packaging/jpackage/common.args "@packaging/jpackage/$os.args" \
    --type "$type" --app-image "$image" --app-version "$version" --dest "$out"
  step "built $(ls "$out"/*."$type")"
else
  step "built $image"
fi
