#!/usr/bin/env bash
# Renders the planner's HTML report on the bundled sample in headless Chromium and saves a screenshot.
# Installs Debian's chromium when missing. Usage: .ci/report-screenshot.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/report}
mkdir -p "$out"
out=$(realpath "$out")
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
dotnet run --project samples/TaobaoVillage.Planner -c Release -- report --output "$out/report.html"
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync \
  --no-first-run --user-data-dir="$profile" --window-size=1100,2400 --screenshot="$out/report.png" "file://$out/report.html" 2> "$out/chromium.log" || true
rm -rf "$profile"
test -s "$out/report.png" && echo "$out/report.png" || { echo "no screenshot; see $out/chromium.log" >&2; exit 1; }
# Chromium prints page errors as "CONSOLE" or "Uncaught": there must be none.
if grep -Ei "uncaught|console\(" "$out/chromium.log"; then echo "the report logged errors" >&2; exit 1; fi
