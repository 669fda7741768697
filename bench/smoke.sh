#!/usr/bin/env bash
# CI-sized smoke test on real code (run by .ci/run): flasklint over the Flask side of the
# benchmark corpus plus Django (about 560k lines, pinned sdists from PyPI), with the pre-check on
# and with --all-files. Fails on a panic, an exit code other than 0 or 1, an error that is not a
# known parser rejection, or any difference in findings between the two runs.
#
#   bench/smoke.sh [FLASKLINT_BINARY]     # default: target/debug/flasklint (built by cargo test)
#
# Downloads into a temporary directory that is removed afterwards; nothing is cached.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FLASKLINT=${1:-$ROOT/target/debug/flasklint}
PYTHON=${PYTHON:-python3}
SDISTS=(
  django==5.2.8
  flask==3.1.2
  werkzeug==3.1.3
  flask-jwt-extended==4.7.1
)

[ -x "$FLASKLINT" ] || { echo "smoke: no flasklint binary at $FLASKLINT (run cargo build first)" >&2; exit 2; }
# The runs happen inside the corpus directory, so a relative binary path must be made absolute.
FLASKLINT=$(cd "$(dirname "$FLASKLINT")" && pwd)/$(basename "$FLASKLINT")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== downloading ${SDISTS[*]}"
"$PYTHON" -m pip download --quiet --disable-pip-version-check --no-binary :all: --no-deps \
  -d "$WORK/sdists" "${SDISTS[@]}"
mkdir -p "$WORK/corpus"
for archive in "$WORK"/sdists/*.tar.gz; do
  tar -xzf "$archive" -C "$WORK/corpus"
done

run() {
  local name=$1
  shift
  local status=0
  (cd "$WORK/corpus" && "$FLASKLINT" check --format json "$@" .) >"$WORK/$name.json" 2>"$WORK/$name.err" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "smoke: flasklint $* exited $status" >&2
    cat "$WORK/$name.err" >&2
    exit 1
  fi
  if grep -q "panicked" "$WORK/$name.err"; then
    echo "smoke: flasklint $* panicked" >&2
    cat "$WORK/$name.err" >&2
    exit 1
  fi
}

start=$(date +%s)
run prefiltered
run all-files --all-files
echo "== both runs took $(($(date +%s) - start)) s"

"$PYTHON" - "$WORK/prefiltered.json" "$WORK/all-files.json" <<'PY'
import json, sys

# Files the parser rejects on purpose: Django's test of its own syntax-error reporting.
KNOWN_REJECTIONS = {
    "django-5.2.8/tests/test_runner_apps/tagged/tests_syntax_error.py",
}
prefiltered, all_files = (json.load(open(path)) for path in sys.argv[1:3])
failures = []
for name, report in (("pre-check", prefiltered), ("--all-files", all_files)):
    for error in report["errors"]:
        path = error["path"].removeprefix("./")
        if path not in KNOWN_REJECTIONS or not error["message"].startswith("syntax error"):
            failures.append(f"{name}: unexpected error: {path}: {error['message']}")
if prefiltered["findings"] != all_files["findings"]:
    only_on = [f for f in prefiltered["findings"] if f not in all_files["findings"]]
    only_off = [f for f in all_files["findings"] if f not in prefiltered["findings"]]
    for f in only_on:
        failures.append(f"only with the pre-check: {f['path']}:{f['line']} {f['rule']}")
    for f in only_off:
        failures.append(f"only with --all-files: {f['path']}:{f['line']} {f['rule']}")
summary = prefiltered["summary"]
print(
    f"== {summary['files_checked']} files checked, {summary['files_parsed']} parsed with the "
    f"pre-check; {summary['findings']} findings, identical with --all-files"
    if not failures
    else "== smoke test failed"
)
for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
