#!/usr/bin/env bash
# flasklint's benchmark against Ruff (`--select S`) and Bandit on two trees of real Python. Not a
# test and not part of CI: run it by hand on an idle machine.
#
#   The mixed tree:       ~1.3 million lines of pinned sdists (Django, SymPy, Flask, ...) plus
#                         testdata/; most of it never imports Flask, so the pre-check skips it.
#   The Flask-heavy tree: ~0.5 million lines, the .py files of six pinned Flask application
#                         wheels (Superset, pgAdmin, FlaskBB, ...); nearly every file is parsed.
#
#   bench/run.sh                               # full run; writes bench/RESULTS.md
#   REPS=3 SCALE="1 2" MIXED_SCALE="" BANDIT=0 bench/run.sh   # a quicker run
#
# Environment (defaults in brackets):
#   REPS [10]            alternated repetitions per tool on each tree; the tables give the median
#   SCALE_REPS [REPS]    repetitions per point of the scaling curves
#   SCALE ["1 2 4 8"]    copies of the Flask-heavy tree for its scaling curve ("" to skip)
#   MIXED_SCALE ["1 2 4 8"]  copies of the mixed tree for its scaling curve ("" to skip)
#   BANDIT [1]           0 skips Bandit (its few runs take several minutes)
#   BANDIT_REPS [3]      Bandit's repetitions (on a 1/10 subset of the mixed tree)
#   APP_REPS [50]        repetitions of the small-app case
#   MAX_LOAD [0.5]       the 1-minute load average above which the machine counts as busy
#   WAIT_IDLE [600]      seconds to wait for the load to drop below MAX_LOAD before giving up
#   ALLOW_LOAD [0]       1 runs anyway on a busy machine; RESULTS.md then says so at the top
#
# Needs: cargo, python3 (with venv and pip), network access to PyPI on the first run, GNU time at
# /usr/bin/time. Everything it downloads or builds stays under target/ and is reused:
#   target/bench-corpus/sdists/        the pinned source distributions (mixed tree)
#   target/bench-corpus/corpus/        unpacked, plus a copy of testdata/
#   target/bench-corpus/wheels/        the pinned Flask application wheels
#   target/bench-corpus/flaskheavy/    their .py files only, one directory per wheel
#   target/bench-corpus/scale-N/, flaskheavy-scale-N/
#                                      N hard-linked copies of a tree (cp -al; flasklint does not
#                                      follow symlinks, so symlinked copies would not count)
#   target/bench-venv/                 Ruff and Bandit, pinned
#   target/bench-corpus/runs.json      every timed run of the latest run (wall, CPU, RSS, load)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# The mixed tree: ~1.3 million lines of .py. Pinned so runs compare; each supports Python >= 3.10.
SDISTS=(
  django==5.2.8
  sympy==1.14.0
  flask==3.1.2
  werkzeug==3.1.3
  flask-jwt-extended==4.7.1
)
# The Flask-heavy tree: Flask applications and extensions, ~0.5 million lines. The wheels (what
# pip installs), of which only the .py files are kept.
WHEELS=(
  apache-superset==6.1.0
  pgadmin4==9.18
  flaskbb==2.2.0
  flask-appbuilder==5.3.0
  flask-admin==2.2.1
  flask-security-too==5.9.2
)
RUFF_VERSION=0.17.5
BANDIT_VERSION=1.9.4
PYTHON=${PYTHON:-python3}

BENCH=$ROOT/target/bench-corpus
CORPUS=$BENCH/corpus
FLASKHEAVY=$BENCH/flaskheavy
VENV=$ROOT/target/bench-venv

[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak RSS; apt-get install time" >&2; exit 2; }

echo "== building the release binary"
cargo build --release --locked --quiet
FLASKLINT=$ROOT/target/release/flasklint

if [ ! -f "$CORPUS/.complete" ]; then
  echo "== assembling the mixed tree under $CORPUS"
  mkdir -p "$BENCH/sdists"
  "$PYTHON" -m pip download --quiet --disable-pip-version-check --no-binary :all: --no-deps \
    -d "$BENCH/sdists" "${SDISTS[@]}"
  rm -rf "$CORPUS"
  mkdir -p "$CORPUS"
  for archive in "$BENCH"/sdists/*.tar.gz; do
    tar -xzf "$archive" -C "$CORPUS"
  done
  cp -r testdata "$CORPUS/testdata"
  touch "$CORPUS/.complete"
else
  echo "== reusing the mixed tree under $CORPUS"
fi

if [ ! -f "$FLASKHEAVY/.complete" ]; then
  echo "== assembling the Flask-heavy tree under $FLASKHEAVY"
  mkdir -p "$BENCH/wheels"
  # --python-version makes the choice of wheel independent of the Python running the script.
  "$PYTHON" -m pip download --quiet --disable-pip-version-check --only-binary :all: --no-deps \
    --python-version 3.12 -d "$BENCH/wheels" "${WHEELS[@]}"
  rm -rf "$FLASKHEAVY"
  mkdir -p "$FLASKHEAVY"
  # A wheel is a zip; keep its .py members, one directory per wheel (named after the file).
  "$PYTHON" - "$FLASKHEAVY" "$BENCH"/wheels/*.whl <<'PY'
import sys, zipfile
from pathlib import Path, PurePosixPath

destination = Path(sys.argv[1])
for wheel in map(Path, sys.argv[2:]):
    root = destination / wheel.name.removesuffix(".whl")
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.infolist():
            name = PurePosixPath(member.filename)
            if member.is_dir() or name.suffix != ".py" or name.is_absolute() or ".." in name.parts:
                continue
            target = root.joinpath(*name.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(member))
PY
  touch "$FLASKHEAVY/.complete"
else
  echo "== reusing the Flask-heavy tree under $FLASKHEAVY"
fi

if [ ! -f "$VENV/.complete-$RUFF_VERSION-$BANDIT_VERSION" ]; then
  echo "== installing ruff $RUFF_VERSION and bandit $BANDIT_VERSION into $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "ruff==$RUFF_VERSION" "bandit==$BANDIT_VERSION"
  touch "$VENV/.complete-$RUFF_VERSION-$BANDIT_VERSION"
fi

REPS=${REPS:-10}
exec "$PYTHON" bench/bench.py \
  --flasklint "$FLASKLINT" \
  --ruff "$VENV/bin/ruff" \
  --bandit "$VENV/bin/bandit" \
  --bench-dir "$BENCH" \
  --corpus "$CORPUS" \
  --flaskheavy "$FLASKHEAVY" \
  --app testdata/apps/notes_api \
  --reps "$REPS" \
  --scale-reps "${SCALE_REPS:-$REPS}" \
  --run-bandit "${BANDIT:-1}" \
  --bandit-reps "${BANDIT_REPS:-3}" \
  --app-reps "${APP_REPS:-50}" \
  --scale "${SCALE-1 2 4 8}" \
  --mixed-scale "${MIXED_SCALE-1 2 4 8}" \
  --max-load "${MAX_LOAD:-0.5}" \
  --wait-idle "${WAIT_IDLE:-600}" \
  --allow-load "${ALLOW_LOAD:-0}" \
  --sdists "${SDISTS[*]}" \
  --wheels "${WHEELS[*]}" \
  --results bench/RESULTS.md
