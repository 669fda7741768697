#!/usr/bin/env bash
# Renders the pre-commit mirror repository for one flasklint release: `fill.sh VERSION OUT_DIR`.
# The release workflow publishes OUT_DIR as an artifact, to be committed to the mirror repository
# and tagged vVERSION once the wheels are on PyPI; .ci/run renders it too and runs the hook with
# pre-commit against a locally built wheel.
set -euo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: $0 VERSION OUT_DIR" >&2
  exit 2
fi
version=$1
out=$2
if ! printf '%s' "$version" | grep -Eq '^[0-9]+(\.[0-9]+)*([.-]?(a|b|rc|post|dev)[0-9]+)*$'; then
  echo "fill.sh: '$version' is not a release version" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
cp "$here/.pre-commit-hooks.yaml" "$out/.pre-commit-hooks.yaml"
for template in pyproject.toml README.md; do
  sed "s/@VERSION@/$version/g" "$here/$template.in" >"$out/$template"
done
