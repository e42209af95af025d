#!/usr/bin/env bash
# Installs moto_server (pinned) into the project-local virtualenv .venv/ — never globally.
# Idempotent: does nothing when the pinned version is already installed.
set -euo pipefail
MOTO_VERSION="${MOTO_VERSION:-5.2.5}"
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ -x .venv/bin/moto_server ] && .venv/bin/python -c "import importlib.metadata as m, sys; sys.exit(0 if m.version('moto') == '$MOTO_VERSION' else 1)" 2>/dev/null; then
  exit 0
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
echo "moto_server $MOTO_VERSION installed in .venv/"
