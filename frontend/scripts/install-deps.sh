#!/usr/bin/env bash
# Installs exactly the locked dependencies, but only when package-lock.json changed since the last
# install, so repeated builds skip the ~20 s that `npm ci` costs.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.citystep-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
