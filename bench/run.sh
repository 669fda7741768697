#!/usr/bin/env bash
# flasklint's benchmark against Ruff (`--select S`) and Bandit on about a million lines of real
# Python. Not a test and not part of CI: run it by hand on an idle machine.
#
#   bench/run.sh                 # full run: corpus, tools, timings, bench/RESULTS.md
#   REPS=3 SCALE="1 2" bench/run.sh   # fewer repetitions / a shorter scaling curve
#
# Needs: cargo, python3 (with venv and pip), network access to PyPI on the first run, GNU time at
# /usr/bin/time. Everything it downloads or builds stays under target/ and is reused:
#   target/bench-corpus/sdists/   the pinned source distributions
#   target/bench-corpus/corpus/   unpacked, plus a copy of testdata/
#   target/bench-corpus/scale-N/  N hard-linked copies of the corpus (cp -al; flasklint does not
#                                 follow symlinks, so symlinked copies would not count)
#   target/bench-venv/            Ruff and Bandit, pinned
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# The corpus: ~1.3 million lines of .py. Pinned so runs compare; each supports Python >= 3.10.
SDISTS=(
  django==5.2.8
  sympy==1.14.0
  flask==3.1.2
  werkzeug==3.1.3
  flask-jwt-extended==4.7.1
)
RUFF_VERSION=0.17.5
BANDIT_VERSION=1.9.4
PYTHON=${PYTHON:-python3}

BENCH=$ROOT/target/bench-corpus
CORPUS=$BENCH/corpus
VENV=$ROOT/target/bench-venv

[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak RSS; apt-get install time" >&2; exit 2; }

echo "== building the release binary"
cargo build --release --locked --quiet
FLASKLINT=$ROOT/target/release/flasklint

if [ ! -f "$CORPUS/.complete" ]; then
  echo "== assembling the corpus under $CORPUS"
  mkdir -p "$BENCH/sdists"
  "$PYTHON" -m pip download --quiet --no-binary :all: --no-deps -d "$BENCH/sdists" "${SDISTS[@]}"
  rm -rf "$CORPUS"
  mkdir -p "$CORPUS"
  for archive in "$BENCH"/sdists/*.tar.gz; do
    tar -xzf "$archive" -C "$CORPUS"
  done
  cp -r testdata "$CORPUS/testdata"
  touch "$CORPUS/.complete"
else
  echo "== reusing the corpus under $CORPUS"
fi

if [ ! -f "$VENV/.complete-$RUFF_VERSION-$BANDIT_VERSION" ]; then
  echo "== installing ruff $RUFF_VERSION and bandit $BANDIT_VERSION into $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "ruff==$RUFF_VERSION" "bandit==$BANDIT_VERSION"
  touch "$VENV/.complete-$RUFF_VERSION-$BANDIT_VERSION"
fi

exec "$PYTHON" bench/bench.py \
  --flasklint "$FLASKLINT" \
  --ruff "$VENV/bin/ruff" \
  --bandit "$VENV/bin/bandit" \
  --bench-dir "$BENCH" \
  --corpus "$CORPUS" \
  --app testdata/apps/notes_api \
  --reps "${REPS:-5}" \
  --bandit-reps "${BANDIT_REPS:-3}" \
  --app-reps "${APP_REPS:-50}" \
  --scale "${SCALE:-1 2 4 8}" \
  --sdists "${SDISTS[*]}" \
  --results bench/RESULTS.md
