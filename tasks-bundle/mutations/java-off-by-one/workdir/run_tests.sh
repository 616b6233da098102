#!/bin/sh
# Compiles sources and tests into ${CAB_BUILD_DIR:-out} and runs tests/TestRunner
# plus every tests/*Tests.java main that exists.
set -e
cd "$(dirname "$0")"
if [ -z "${CAB_BUILD_DIR:-}" ]; then
  rm -rf out
fi
build="${CAB_BUILD_DIR:-out}"
mkdir -p "$build"
javac -d "$build" src/*.java tests/*.java
status=0
java -cp "$build" TestRunner || status=1
for t in tests/*Tests.java; do
  [ -f "$t" ] || continue
  java -cp "$build" "$(basename "$t" .java)" || status=1
done
exit "$status"
