#!/usr/bin/env bash
# Benchmark (not a test): size and render time of the HTML report at 50,000 findings, then the
# time headless Chromium takes to open it (parse, data island, first page of rows) and to filter
# all 50,000 findings by status and by severity.
# Runs BigReportTest, which renders synthetic findings in memory and writes target/big-report.html
# (open it in a browser to try the filters). Needs Debian's chromium for the browser figures
# (bash .ci/setup-browser.sh); without it only the render figures are printed.
# Usage: src/bench/html-50k.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q test -Dtest=BigReportTest -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep 'BigReportTest:' || {
  echo "BigReportTest did not run" >&2; exit 1; }
echo "file: $root/target/big-report.html"
if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium not installed: no browser figures (bash .ci/setup-browser.sh)"
  exit 0
fi
page="$root/target/big-report-bench.html"
# The probe runs right after the report's own script: performance.now() is then the open time.
python3 - "$root/target/big-report.html" "$page" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>(function(){var open=performance.now(),$=function(i){return document.getElementById(i)};
function time(f){var t=performance.now();f();return performance.now()-t}
var D=JSON.parse($("tenken-data").textContent);
var byStatus=time(function(){$("f-status").value=String(D.statuses.indexOf("PASS"));$("f-status").dispatchEvent(new Event("change"))});
var shown=$("f-count").textContent;
var bySeverity=time(function(){$("f-status").value="";$("f-severity").value="1";$("f-severity").dispatchEvent(new Event("change"))});
var p=document.createElement("pre");p.id="bench";p.textContent="open "+Math.round(open)+" ms, filter by status "+Math.round(byStatus)+" ms ("+shown+"), by severity "+Math.round(bySeverity)+" ms, rows drawn "+document.querySelectorAll("#rows tr").length;document.body.appendChild(p)})();</script>"""
i = html.rindex("</body>")
open(sys.argv[2], "w", encoding="utf-8").write(html[:i] + probe + html[i:])
PY
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --window-size=1400,900 --dump-dom "file://$page" 2>/dev/null \
  | grep -o '<pre id="bench">[^<]*' | sed 's/<pre id="bench">/chromium (headless, 50,000 findings): /' || {
  echo "chromium did not report figures" >&2; exit 1; }
