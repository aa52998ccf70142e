#!/usr/bin/env bash
# npm test: build the app, then run the unit, server and end-to-end suites against it.
set -euo pipefail
cd "$(dirname "$0")/.."

# The end-to-end tests drive Debian's Chromium; Playwright never downloads a browser here. The
# multi-node server tests run real PostgreSQL and Redis from Debian's packages on loopback.
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "tests: installing ${missing[*]} from Debian (apt-get)…"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	elif [[ " ${missing[*]} " == *" chromium "* ]]; then
		echo "tests: Chromium is missing: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)" >&2
		exit 1
	else
		echo "tests: ${missing[*]} missing (sudo apt-get install -y ${missing[*]}): the multi-node tests will be skipped${CHARTER_REQUIRE_SERVICES:+ — and fail, since CHARTER_REQUIRE_SERVICES is set}" >&2
	fi
fi

# Each stage is timed; the durations are printed at the end, also when a stage fails, so a
# slow stage is visible in every run (.ci/run adds the install before them).
durations=()
stage_started=0
stage_name=""
start_stage() {
	finish_stage
	stage_name="$1"
	stage_started=$(date +%s)
	echo "== $1"
}
finish_stage() {
	if [ -n "$stage_name" ]; then durations+=("$stage_name $(($(date +%s) - stage_started)) s"); fi
	stage_name=""
}
print_durations() {
	local status=$?
	finish_stage
	echo "== stage durations${status:+ (exit $status)}"
	for line in "${durations[@]}"; do echo "   $line"; done
}
trap print_durations EXIT

start_stage build
npx vite build --logLevel warn

start_stage "unit tests"
npx vitest run --project unit

start_stage "server tests"
npx vitest run --project server --project server-measured

start_stage "end-to-end tests"
CHARTER_E2E_PORT="$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
export CHARTER_E2E_PORT
npx playwright test
