#!/usr/bin/env bash
# Prints the bin folder of the Node.js LTS line the project is tested on, fetching it first
# if needed. Node's own builds are published on the npm registry as node-linux-<arch>, so
# this needs nothing beyond what `npm install` already reaches.
#
#   PATH="$(scripts/lts-node.sh):$PATH" npm test
#
# The version is pinned in .nvmrc (major) and NODE_LTS_VERSION below (exact), so CI runs
# are repeatable; raise both together when a new LTS line starts (each October).
set -euo pipefail
NODE_LTS_VERSION="${NODE_LTS_VERSION:-26.12.1}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "lts-node: no Node.js build on the npm registry for $(uname -m)" >&2; exit 1 ;;
esac
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/node-$NODE_LTS_VERSION"
bin="$dir/node_modules/node-linux-$arch/bin"
if [ ! -x "$bin/node" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@$NODE_LTS_VERSION" >&2
fi
"$bin/node" -e 'process.exit(process.versions.node === process.argv[1] ? 0 : 1)' "$NODE_LTS_VERSION"
echo "$bin"
