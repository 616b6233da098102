#!/bin/sh
# Proves the held-out tests of every mutations/polyglot task with the real toolchains:
#   1. untouched workdir + grader/overlay: the held-out tests alone fail
#   2. untouched workdir + overlay: the full verify run fails
#   3. workdir + solution + overlay: the full verify run (visible + held-out) passes,
#      and the held-out tests alone pass
#   4. workdir + solution, no overlay: the visible verify run still passes
# Every run builds elsewhere (CAB_BUILD_DIR, CARGO_TARGET_DIR, GOCACHE, no .pyc) and the
# tree is fingerprinted before and after: a run that writes into it is reported.
# Usage: scripts/check-heldout.sh [task-id-substring …]   (default: all)
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
bundle="$root/tasks-bundle"
cache="${CHECK_HELDOUT_CACHE:-/tmp/cab-check-heldout-cache}"
mkdir -p "$cache"
export GOCACHE="$cache/go-build" PYTHONDONTWRITEBYTECODE=1
failures=0
summary=""

fingerprint() { (cd "$1" && find . -print | LC_ALL=C sort && find . -type f -exec sha256sum {} + | LC_ALL=C sort); }

# heldout_cmd <language>: the argv (as a shell string) running only the held-out tests.
heldout_cmd() {
  case "$1" in
    python) echo "python3 -m unittest discover -s tests -p 'test_heldout*.py'" ;;
    javascript) echo "node --test test/heldout.test.js" ;;
    go) echo "go test -count=1 -run '^TestHeldOut' ./..." ;;
    rust) echo "cargo test --offline --test heldout" ;;
    java) echo 'javac -d "$CAB_BUILD_DIR" src/*.java tests/*.java && java -cp "$CAB_BUILD_DIR" HeldOutTests' ;;
  esac
}

# run_in <dir> <task-slug> <shell command>: exit code of the command, tree checked for writes.
run_in() {
  dir="$1"; slug="$2"; cmd="$3"
  before="$(fingerprint "$dir")"
  build="$(mktemp -d)"
  (cd "$dir" && CAB_BUILD_DIR="$build" CARGO_TARGET_DIR="$cache/cargo-$slug" sh -c "$cmd") >"$cache/last-$slug.log" 2>&1
  code=$?
  rm -rf "$build"
  if [ "$before" != "$(fingerprint "$dir")" ]; then
    echo "  !! $slug: '$cmd' wrote into the tree" >&2
    tree_writes=1
  fi
  return $code
}

# stage <task> <with-solution 0|1> <with-overlay 0|1>: prints a fresh copy's path.
stage() {
  d="$(mktemp -d)"
  cp -R "$1/workdir/." "$d/"
  [ "$2" = 1 ] && cp -R "$1/solution/." "$d/"
  [ "$3" = 1 ] && cp -R "$1/grader/overlay/." "$d/"
  echo "$d"
}

verdict() { if [ "$1" = 0 ]; then echo pass; else echo fail; fi; }

check_task() {
  task="$1"; id="${task#"$bundle"/}"; slug="$(echo "$id" | tr / -)"
  lang="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["language"])' "$task/task.json")"
  verify="$(python3 -c 'import json,shlex,sys; print(shlex.join(json.load(open(sys.argv[1]))["verify"]))' "$task/task.json")"
  held="$(heldout_cmd "$lang")"
  tree_writes=0
  if [ ! -d "$task/grader/overlay" ]; then
    summary="$summary
FAIL $id: no grader/overlay"; failures=$((failures + 1)); return
  fi
  u="$(stage "$task" 0 1)"; run_in "$u" "$slug" "$held"; h_u=$?
  run_in "$u" "$slug" "$verify"; v_u=$?
  s="$(stage "$task" 1 1)"; run_in "$s" "$slug" "$verify"; v_s=$?
  run_in "$s" "$slug" "$held"; h_s=$?
  p="$(stage "$task" 1 0)"; run_in "$p" "$slug" "$verify"; v_p=$?
  rm -rf "$u" "$s" "$p"
  ok=OK
  { [ $h_u != 0 ] && [ $v_u != 0 ] && [ $v_s = 0 ] && [ $h_s = 0 ] && [ $v_p = 0 ] && [ $tree_writes = 0 ]; } || ok=FAIL
  [ $ok = OK ] || failures=$((failures + 1))
  line="$ok $id: heldout-untouched=$(verdict $h_u) verify-untouched=$(verdict $v_u) verify-solved+heldout=$(verdict $v_s) heldout-solved=$(verdict $h_s) verify-solved-visible=$(verdict $v_p) tree-writes=$tree_writes"
  echo "$line"
  summary="$summary
$line"
}

for task in "$bundle"/mutations/* "$bundle"/polyglot/*; do
  if [ $# -gt 0 ]; then
    hit=0; for want in "$@"; do case "$task" in *"$want"*) hit=1 ;; esac; done
    [ $hit = 1 ] || continue
  fi
  check_task "$task"
done
echo
echo "Summary:$summary"
echo "$failures task(s) failed the held-out check"
[ $failures = 0 ]
