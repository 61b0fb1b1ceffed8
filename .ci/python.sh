#!/usr/bin/env bash
# The Python binding's checks (bindings/python), run by .ci/run after `cargo test`:
#
# - the checked-in JSON Schema is what the model types generate (`--features schema`);
# - a virtual environment (target/python-venv) with maturin, pytest, jsonschema and the
#   Spark / Dask job dependencies (pyspark, pyarrow, pandas, dask) from the registry;
# - the abi3 wheel built with maturin (release) and installed;
# - pytest on bindings/python/tests: the API, equality with the Rust JSON on every
#   fixture, the schema, the README's Python example, and the Spark and Dask jobs (the
#   Spark job against the `batch` example on ../shared/corpus/docs when it exists).
#
# Fails on any failure, and on pytest's exit code 5 (no tests collected) too. Each step
# prints its duration. PYTHON picks the interpreter (default python3, 3.9 or later).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-python3}
venv=$root/target/python-venv
wheels=$root/target/python-wheels

step() {
  local t0=$SECONDS
  "$@"
  echo "python.sh: ok: $* ($((SECONDS - t0)) s)"
}

step cargo test --features schema --test schema
step cargo fmt --check --manifest-path bindings/python/Cargo.toml
step cargo clippy --manifest-path bindings/python/Cargo.toml --release --all-targets -- -D warnings
# The Rust side of the comparisons (cargo test has built them already; a no-op then).
step cargo build --example parse --example batch

if [[ ! -x $venv/bin/python ]]; then
  step "$py" -m venv "$venv"
fi
step "$venv/bin/python" -m pip install --quiet --upgrade \
  "maturin>=1.5,<2" "pytest>=7" "jsonschema>=4.18" pyarrow "pandas<3" "dask[dataframe]" pyspark

rm -rf "$wheels"
t0=$SECONDS
(cd bindings/python && "$venv/bin/maturin" build --release --quiet --out "$wheels" --interpreter "$venv/bin/python")
wheel=$(ls "$wheels"/vanban-*.whl)
echo "python.sh: ok: wheel $(basename "$wheel"), $(du -k "$wheel" | cut -f1) KiB, built in $((SECONDS - t0)) s"
step "$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheel"

t0=$SECONDS
set +e
(cd bindings/python && "$venv/bin/python" -m pytest -rs -p no:cacheprovider tests)
status=$?
set -e
if [[ $status == 5 ]]; then
  echo "python.sh: FAILED: pytest collected no tests" >&2
  exit 1
elif [[ $status != 0 ]]; then
  echo "python.sh: FAILED: pytest exited with $status" >&2
  exit "$status"
fi
echo "python.sh: ok: pytest ($((SECONDS - t0)) s)"
