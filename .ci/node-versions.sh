#!/usr/bin/env bash
# The built bin on the other Node majors users run (22, 24), installed from npm as packages into a
# private prefix: --version, list, and an oracle check must work on each. A Node that npm cannot
# install is a warning (the suite already ran on this machine's Node); a bin that fails is an error.
set -uo pipefail
cd "$(dirname "$0")/.."
prefix="${CAB_NODES_PREFIX:-${HOME}/.cache/cab-nodes}"
status=0
for major in 22 24; do
  dir="${prefix}/node${major}"
  node_bin="${dir}/node_modules/node/bin/node"
  if [ ! -x "${node_bin}" ]; then
    mkdir -p "${dir}"
    timeout 600 npm install --prefix "${dir}" --no-audit --no-fund --loglevel=error "node@${major}" >&2 \
      || { echo "node-versions: warning: npm could not install node@${major}; skipped" >&2; continue; }
  fi
  version="$("${node_bin}" --version)"
  want="$(node -p 'require("./package.json").version')"
  got="$("${node_bin}" dist/cli.cjs --version)" || got="(failed)"
  esm="$("${node_bin}" dist/cli.mjs --version)" || esm="(failed)"
  listed="$("${node_bin}" dist/cli.cjs list --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).tasks.length))')" || listed=0
  cell="$("${node_bin}" dist/cli.cjs check --tui oracle --task polyglot/python-reverse-string --no-save --json 2>/dev/null \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const c=JSON.parse(s).results[0];console.log(c.pass_rate.pass)})')" || cell=0
  if [ "${got}" = "${want}" ] && [ "${esm}" = "${want}" ] && [ "${listed}" -gt 0 ] && [ "${cell}" = "1" ]; then
    echo "node ${version}: --version ${got} (dist/cli.mjs too), list ${listed} tasks, oracle check pass ${cell}"
  else
    echo "node ${version}: FAILED (--version '${got}', dist/cli.mjs '${esm}', list '${listed}' tasks, oracle pass '${cell}')" >&2
    status=1
  fi
done
exit "${status}"
