#!/usr/bin/env bash
# npm test: build the app, then run the unit, server and end-to-end suites against it.
set -euo pipefail
cd "$(dirname "$0")/.."

# The end-to-end tests drive Debian's Chromium; Playwright never downloads a browser here.
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "tests: installing Debian's chromium for the end-to-end tests (apt-get)…"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	else
		echo "tests: Chromium is missing: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)" >&2
		exit 1
	fi
fi

echo "== build"
npx vite build --logLevel warn

echo "== unit tests"
npx vitest run --project unit

echo "== server tests"
npx vitest run --project server

echo "== end-to-end tests"
CHARTER_E2E_PORT="$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
export CHARTER_E2E_PORT
npx playwright test
