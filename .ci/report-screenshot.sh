#!/usr/bin/env bash
# Developer helper: renders the planner's HTML report in headless Chromium with a CJK font and saves a screenshot, so
# that one can see Chinese (not boxes) and the bar labels clear of the threshold label. Not part of CI.
# Usage: .ci/report-screenshot.sh [OUT.png]   (installs chromium and fonts-noto-cjk with apt when missing; run as root)
set -euo pipefail
out=${1:-report.png}
here=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi 'cjk\|wenquanyi'; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null || apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project "$here/samples/TaobaoVillage.Planner" -c Release -- report --lang zh-CN --output "$work/report.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1200,2400 --screenshot="$work/shot.png" "file://$work/report.html" 2>/dev/null
cp "$work/shot.png" "$out"
echo "$out"
