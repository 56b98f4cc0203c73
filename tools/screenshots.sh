#!/usr/bin/env bash
# Renders docs/screenshots/{first-run,unlock,shell}-{light,dark}.png at 1280x800 under Xvfb (apt-get install xvfb).
# Usage: tools/screenshots.sh [output-dir]      (JAVA_HOME must point to a JDK 21+)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipForgeTests=true -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/screenshots.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/screenshots.classpath)"
xvfb-run -a -s "-screen 0 1280x800x24" \
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dprism.order=sw -Dprism.lcdtext=false -cp "$CP" \
    dev.latchkey.ui.Screenshots "${1:-docs/screenshots}"
