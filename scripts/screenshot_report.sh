#!/usr/bin/env bash
# Takes a screenshot of a brink HTML report in headless Chromium, to check that it renders in a real
# browser. Needs Debian's chromium package: scripts/setup.sh browser installs it (sudo apt-get install chromium).
#
#   scripts/screenshot_report.sh RUN_DIR/report.html [OUT.png] [WIDTH,HEIGHT]
#
# The browser runs with a throwaway profile and with networking features off: a self-contained report
# needs no network, and a screenshot missing a chart or a style shows that something was not inlined.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTH,HEIGHT]" >&2
    exit 2
fi
report=$1
if [[ ! -f $report ]]; then
    echo "$0: no such file: $report" >&2
    exit 2
fi
out=${2:-${report%.html}.png}
size=${3:-1280,2000}

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" > /dev/null 2>&1; then
        browser=$candidate
        break
    fi
done
if [[ -z $browser ]]; then
    echo "$0: chromium not found: install it with \`sudo apt-get install chromium\`" >&2
    exit 1
fi

report_abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
out_dir=$(cd "$(dirname "$out")" && pwd)
out_abs=$out_dir/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars \
    --screenshot="$out_abs" --window-size="$size" "file://$report_abs" > /dev/null 2>&1 || true

if [[ ! -s $out_abs ]]; then
    echo "$0: chromium wrote no screenshot" >&2
    exit 1
fi
echo "$out_abs"
