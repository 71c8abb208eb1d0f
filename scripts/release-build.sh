#!/usr/bin/env bash
# Builds the release `toolpolicy` binary with the Swift runtime and Foundation linked in
# statically (-static-stdlib), so it runs on a machine without a Swift toolchain, and
# checks with ldd that it needs no Swift library. Prints the binary's path.
#   scripts/release-build.sh [OUTPUT_DIR]   (default: .build-release-static/dist)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-release-static/dist}"
swift build -c release --product toolpolicy --static-swift-stdlib --scratch-path .build-release-static >&2
mkdir -p "$out"
cp .build-release-static/release/toolpolicy "$out/toolpolicy"
strip "$out/toolpolicy"
if ldd "$out/toolpolicy" | grep -iE 'swift|Foundation|dispatch|icu' >&2; then
  echo "error: the binary still links a Swift library (above)" >&2
  exit 1
fi
echo "ldd $out/toolpolicy:" >&2
ldd "$out/toolpolicy" >&2
echo "$out/toolpolicy"
