#!/usr/bin/env bash
# Fuzz smoke test: build the fuzz targets (fuzz/) and run each for FUZZ_SECONDS (60 by
# default) from corpora seeded by fuzz/seed.sh; fail on any crash, timeout or OOM.
# Needs a nightly toolchain and cargo-fuzz: installs cargo-fuzz (bounded in time) when
# nightly is there but cargo-fuzz is not; prints "skipped: ..." and exits 0 when either
# cannot be had.
set -uo pipefail
cd "$(dirname "$0")/.."
secs="${FUZZ_SECONDS:-60}"
export CARGO_TERM_COLOR=never

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz-smoke: skipped: no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz-smoke: installing cargo-fuzz (at most 15 minutes)"
  log="$(mktemp)"
  if ! timeout 900 cargo install cargo-fuzz --locked >"$log" 2>&1 || ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    tail -n 5 "$log"
    echo "fuzz-smoke: skipped: cargo-fuzz could not be installed"
    exit 0
  fi
fi
echo "fuzz-smoke: $(cargo +nightly fuzz --version)"

# -O: optimized, -a: with debug assertions (overflow checks), -s none: no sanitizer (the
# crate forbids unsafe code; the sanitizer would only slow the search down).
flags=(-O -a -s none)
cd fuzz
targets=$(cargo +nightly fuzz list) || { echo "fuzz-smoke: cannot list the fuzz targets"; exit 1; }
if ! cargo +nightly fuzz build "${flags[@]}"; then
  echo "fuzz-smoke: FAILED: the fuzz targets do not build"
  exit 1
fi
./seed.sh $targets >/dev/null
failed=()
for t in $targets; do
  echo "fuzz-smoke: $t for ${secs}s"
  log="target/fuzz-smoke-$t.log"
  if cargo +nightly fuzz run "${flags[@]}" "$t" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz-smoke: $t: ok, $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs"
  else
    tail -n 40 "$log"
    echo "fuzz-smoke: $t: FAILED; the input is under fuzz/artifacts/$t/ (replay: cd fuzz && cargo +nightly fuzz run ${flags[*]} $t ARTIFACT)"
    failed+=("$t")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz-smoke: FAILED: ${failed[*]}"
  exit 1
fi
echo "fuzz-smoke: all targets ran ${secs}s without a crash"
