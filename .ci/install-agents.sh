#!/usr/bin/env bash
# Installs the agent CLIs the `--tui` end-to-end tests drive (opencode, qwen-code, pi, Claude Code,
# Cline, Continue, codex, Kilo) from npm into a private prefix — never into the repo's package.json —
# and prints the bin folder to put on CAB_AGENTS_PATH (the tests also look there by default).
#
#   CAB_AGENTS_PATH="$(.ci/install-agents.sh)" npm test
#   .ci/install-agents.sh @github/copilot   # more CLIs (copilot unpacks ~235 MB)
#
# Prefix: $CAB_AGENTS_PREFIX, default $HOME/.cache/cab-agents. Idempotent: a package already in
# the prefix is skipped (CAB_AGENTS_UPDATE=1 reinstalls). Fails soft: a package npm cannot
# install is a warning on stderr, and the script still exits 0. Only the bin folder goes to stdout.
set -uo pipefail

prefix="${CAB_AGENTS_PREFIX:-${HOME}/.cache/cab-agents}"
packages=(
  "opencode-ai@~1.18"
  "@qwen-code/qwen-code@~0.15"
  "@mariozechner/pi-coding-agent@~0.73" # the version CodingAgentBench ran
  "@anthropic-ai/claude-code@~2.1" # its native binary comes in a platform package: nothing downloaded at run time
  "cline@~3.0"
  "@continuedev/cli@~1.5"
  "@openai/codex@~0.171" # its native binary comes in a platform package (~9 s to install)
  "@kilocode/cli@7.7.7" # 7.8.1 does not install (its platform package is missing on npm); native binary in a platform package
  "$@"
)

warn() { echo "install-agents: $*" >&2; }

if ! command -v npm >/dev/null 2>&1; then
  warn "warning: npm not found; no agent CLI installed (their tests will be skipped)"
  echo "${prefix}/node_modules/.bin"
  exit 0
fi

mkdir -p "${prefix}" || { warn "warning: cannot create ${prefix}"; echo "${prefix}/node_modules/.bin"; exit 0; }
[ -f "${prefix}/package.json" ] || echo '{ "name": "cab-agents", "private": true }' > "${prefix}/package.json"

run_limited() {
  if command -v timeout >/dev/null 2>&1; then timeout 900 "$@"; else "$@"; fi
}

for spec in "${packages[@]}"; do
  [ -n "${spec}" ] || continue
  name="${spec%@*}"                   # strip a version range: @scope/pkg@1 → @scope/pkg, pkg@~1 → pkg
  [ -n "${name}" ] || name="${spec}"  # "@scope/pkg" without a version
  if [ "${CAB_AGENTS_UPDATE:-0}" != "1" ] && [ -f "${prefix}/node_modules/${name}/package.json" ]; then
    warn "${name} already installed in ${prefix}"
    continue
  fi
  warn "installing ${spec} into ${prefix}"
  if ! run_limited npm install --prefix "${prefix}" --no-audit --no-fund --loglevel=error "${spec}" >&2; then
    warn "warning: npm could not install ${spec}; its --tui tests will be skipped"
  fi
done

echo "${prefix}/node_modules/.bin"
exit 0
