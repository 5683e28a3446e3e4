#!/usr/bin/env bash
# Install axe-core (the WCAG checker the browser tests load into each page) from the npm registry into
# tests/browser/node_modules, at the version tests/browser/package-lock.json pins. Not committed: the
# minified script is a build product. Without npm it says so, and the accessibility check fails under CI=true.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
[ -f "$here/node_modules/axe-core/axe.min.js" ] && exit 0
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix "$here" --no-audit --no-fund --silent && exit 0
fi
echo "axe-core could not be installed (npm missing or offline); the accessibility check skips (fails under CI=true)." >&2
exit 0
