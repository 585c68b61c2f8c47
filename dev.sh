#!/usr/bin/env bash
# The project's two entry points, on a fresh clone with Python 3.11 and pip:
#   ./dev.sh build   install everything into .venv/ and build the graph of seeds/ into out/
#   ./dev.sh test    install everything (and Chromium for the browser tests) and run the tests
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}

install_python() {
    [[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test,dask]"
}

install_browser() {
    # The viewer's tests drive Debian's Chromium headless; only root can install it.
    command -v chromium >/dev/null 2>&1 && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    else
        echo "dev.sh: chromium is not installed (apt-get install chromium); browser tests will be skipped" >&2
    fi
}

case "${1:-}" in
    build)
        install_python
        .venv/bin/entity-graph build seeds --out out
        ;;
    test)
        install_python
        install_browser
        .venv/bin/python -m pytest -q "${@:2}"
        ;;
    *)
        echo "usage: ./dev.sh build | ./dev.sh test [pytest args]" >&2
        exit 2
        ;;
esac
