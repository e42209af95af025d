#!/usr/bin/env bash
# Debian's chromium (headless browser tests of the HTML report) and poppler-utils (pdfinfo and
# pdftotext for the print tests). Idempotent: a no-op when both are already installed.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "setup-browser: chromium/poppler-utils missing and not root; the browser tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-noto-cjk >/dev/null
chromium --version
