#!/usr/bin/env bash
# Assembles the production tree of the gateway and the built portals into $1 (the image's /srv), from a checkout
# where `pnpm install --frozen-lockfile` has run (its postinstall builds the four portals, as in .ci/run).
# The Dockerfile runs this very script, and apps/gateway/test/infra.test.ts runs it and starts what it made, so
# the image's steps are the ones tested here.
#
#   /srv/apps/gateway     `pnpm deploy --prod`: the gateway, its production dependencies, the workspace packages
#   /srv/apps/<portal>/dist   the Vite builds, where the gateway looks for them (src/static/portals.ts)
#   /srv/tsconfig.base.json   the compiler options tsx reads through the gateway's tsconfig.json
set -euo pipefail
out=${1:?usage: assemble.sh <output directory>}
cd "$(dirname "$0")/../.."
rm -rf "$out/apps/gateway"
mkdir -p "$out/apps"
pnpm --filter @hanjiang/gateway deploy --prod ${PNPM_DEPLOY_FLAGS:-} "$out/apps/gateway"
# Tests and tooling configuration are not part of the running image.
rm -rf "$out/apps/gateway/test" "$out/apps/gateway/jest.config.cjs" "$out/apps/gateway/eslint.config.js"
cp tsconfig.base.json "$out/tsconfig.base.json"
for portal in screen township hq district; do
  if [ ! -f "apps/$portal/dist/index.html" ]; then
    echo "assemble.sh: apps/$portal/dist is missing — run pnpm install (its postinstall builds the portals)" >&2
    exit 1
  fi
  rm -rf "$out/apps/$portal"
  mkdir -p "$out/apps/$portal"
  cp -r "apps/$portal/dist" "$out/apps/$portal/dist"
done
