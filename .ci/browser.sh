#!/bin/sh
# Install Debian's chromium for the browser tests (tests/test_browser.py, marker "browser").
# Playwright's own browser download is not used (and not reachable); the tests drive
# /usr/bin/chromium through playwright's executable_path.  Called by .ci/run.
set -eu
if [ ! -x /usr/bin/chromium ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core
fi
/usr/bin/chromium --version || true
# the Python side: playwright (declared in the "test" extra); never `playwright install`
python -c "import playwright" 2>/dev/null || python -m pip install -q "playwright>=1.40"
