#!/usr/bin/env bash
# Builds the book and renders every page in headless Chromium (see check.mjs).
# Installs Debian's chromium and the pinned playwright-core when missing.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
if [ ! -d node_modules/playwright-core ]; then
    npm ci --no-audit --no-fund
fi
bash ../../.ci/build-book
node check.mjs
