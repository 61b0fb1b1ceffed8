#!/usr/bin/env bash
# Seed the fuzz corpora (git-ignored) from the fixtures: fuzz/corpus/<target>/ gets every
# fixtures/*.txt, plus the saved regression inputs of that target. With --shared, also
# the documents of ../shared/corpus/docs when present (test data: never commit them).
# Usage: fuzz/seed.sh [--shared] [TARGET...]   (default: every target in fuzz_targets/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared=0
if [[ "${1:-}" == "--shared" ]]; then shared=1; shift; fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in "$here"/fuzz_targets/*.rs; do targets+=("$(basename "$f" .rs)"); done
fi
for t in "${targets[@]}"; do
  dir="$here/corpus/$t"
  mkdir -p "$dir"
  cp "$root"/fixtures/*.txt "$dir"/
  if [[ -d "$here/regressions/$t" ]]; then
    find "$here/regressions/$t" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$dir"/ \;
  fi
  if [[ $shared -eq 1 && -d "$root/../shared/corpus/docs" ]]; then
    find "$root/../shared/corpus/docs" -maxdepth 1 -type f -size -64k -exec cp {} "$dir"/ \;
  fi
  echo "seeded $t: $(find "$dir" -type f | wc -l) files"
done
