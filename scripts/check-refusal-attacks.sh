#!/bin/sh
# Runs each integrity task's hidden grader on its reference document (must pass) and on the
# attack documents in test/fixtures/refusal-attacks/<task>/ (each must fail), in a fresh copy
# of the untouched workdir. Prints one line per run and exits non-zero on any surprise.
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
attacks="$root/test/fixtures/refusal-attacks"
surprises=0

# grade <task dir> <document file or ""> : the grader's closing line; exit code of the grader.
grade() {
  d="$(mktemp -d)"
  cp -R "$1/workdir/." "$d/"
  doc="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$1/grader/expected.json")"
  if [ -n "$2" ]; then cp "$2" "$d/$doc"; else cp -R "$1/solution/." "$d/"; fi
  out="$(cd "$d" && PYTHONDONTWRITEBYTECODE=1 python3 "$1/grader/grade.py")"
  code=$?
  rm -rf "$d"
  echo "$out" | tail -n 1
  return $code
}

for folder in "$attacks"/*/; do
  name="$(basename "$folder")"
  task="$root/tasks-bundle/integrity/$name"
  if closing="$(grade "$task" "")"; then
    echo "ok   $name reference passes ($closing)"
  else
    echo "BAD  $name reference fails ($closing)"; surprises=$((surprises + 1))
  fi
  for attack in "$folder"*.md; do
    if closing="$(grade "$task" "$attack")"; then
      echo "BAD  $name $(basename "$attack") passes ($closing)"; surprises=$((surprises + 1))
    else
      echo "ok   $name $(basename "$attack") fails ($closing)"
    fi
  done
done
echo "$surprises surprise(s)"
[ "$surprises" = 0 ]
