#!/bin/sh
# Compiles sources and tests into out/ and runs the test runner.
set -e
cd "$(dirname "$0")"
rm -rf out
mkdir -p out
javac -d out src/*.java tests/*.java
java -cp out TestRunner
