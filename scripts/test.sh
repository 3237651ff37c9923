#!/usr/bin/env bash
# Sets up and builds the toolkit, then runs the whole test suite in four
# stages and prints one summary:
#
#   normal     the release build in build/: unit tests, end-to-end tests of the
#              real binaries on testdata/, the simulator's own check, and a
#              replay of the fuzzers' seed and regression inputs; ends with the
#              line "N passed, N failed, N skipped"
#   sanitize   the same suite built by clang with AddressSanitizer and
#              UndefinedBehaviorSanitizer in build-sanitize/ (left out: the
#              simulator's check, which runs none of our code, and the install
#              test, whose plain compiler cannot link a sanitized library)
#   tsan       ThreadSanitizer in build-tsan/: the parallel engine's unit tests
#              and every tool at 1, 2 and 8 threads
#              (tests/e2e/reliability/determinism.py)
#   fuzz       each libFuzzer harness of tests/fuzz/ for SOMATIC_FUZZ_SECONDS
#              seconds (default 15), from build-sanitize/
#
# scripts/test.sh --quick runs the normal stage only (for quick checks while
# developing); SOMATIC_TEST_STAGES="normal tsan" picks stages. Other arguments
# go to the normal stage's 'meson test' (a test name runs just that test).
# The exit status is non-zero when any stage fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stages=${SOMATIC_TEST_STAGES:-normal sanitize tsan fuzz}
if [ "${1:-}" = "--quick" ]; then
  stages=normal
  shift
fi
fuzz_seconds=${SOMATIC_FUZZ_SECONDS:-15}
jobs=${SOMATIC_JOBS:-$(nproc)}

scripts/setup.sh

# Sanitizers stop at the first report, with a stack; leaks are reported.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/.ci/tsan.supp}

summary=()
overall=0
record() {  # stage, status, seconds, detail
  local verdict=passed
  [ "$2" -eq 0 ] || { verdict=FAILED; overall=1; }
  summary+=("$(printf '%-9s %-7s %5ss  %s' "$1" "$verdict" "$3" "$4")")
}

# meson's JSON log has one line per test; prints "N passed, N failed, N skipped".
results_line() {
  /usr/bin/python3 - "$1/meson-logs/testlog.json" <<'PY'
import json, sys
ok = fail = skip = 0
for line in open(sys.argv[1]):
    result = json.loads(line)["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        ok += 1
    elif result == "SKIP":
        skip += 1
    else:
        fail += 1
print(f"{ok} passed, {fail} failed, {skip} skipped")
PY
}

stage_normal() {
  local status=0
  meson test -C build --print-errorlogs --num-processes "$jobs" "$@" || status=$?
  normal_results=$(results_line build)
  echo "$normal_results"
  return $status
}

# One clang build serves the sanitized suite and the fuzzers: everything is
# compiled with ASan, UBSan and libFuzzer's coverage instrumentation.
setup_sanitize() {
  if [ ! -f build-sanitize/build.ninja ]; then
    CC=clang CXX=clang++ meson setup build-sanitize --buildtype=debugoptimized \
      -Db_sanitize=address,undefined -Db_lundef=false -Dfuzzers=true >&2
  fi
  ninja -C build-sanitize -j "$jobs" >&2
}

stage_sanitize() {
  setup_sanitize || return 1
  local tests status=0
  tests=$(meson test -C build-sanitize --no-rebuild --list 2>/dev/null | sed -n 's#^.* / ##p' | grep -vx -e simulate_truth -e install_layout)
  # shellcheck disable=SC2086
  meson test -C build-sanitize --no-rebuild --print-errorlogs --num-processes "$jobs" $tests || status=$?
  sanitize_results=$(results_line build-sanitize)
  echo "sanitize: $sanitize_results"
  return $status
}

stage_tsan() {
  if [ ! -f build-tsan/build.ninja ]; then
    # clang, for its ignorelist: TBB's headers are left uninstrumented like
    # its library (.ci/tsan-ignorelist.txt says why).
    CC=clang CXX=clang++ meson setup build-tsan --buildtype=debugoptimized -Db_sanitize=thread -Db_lundef=false \
      -Dcpp_args=-fsanitize-ignorelist="$PWD/.ci/tsan-ignorelist.txt" >&2
  fi
  ninja -C build-tsan -j "$jobs" tests/region_engine_tests tools/somatic-snv/somatic-snv \
    tools/somatic-cnv/somatic-cnv tools/somatic-sig/somatic-sig >&2 || return 1
  build-tsan/tests/region_engine_tests || return 1
  # Every tool at 1, 2 and 8 threads. The name is checked first: meson test
  # passes when no test matches, which would hide a renamed test.
  meson test -C build-tsan --no-rebuild --list 2>/dev/null | grep -q ' reliability_determinism$' || {
    echo "tsan: no reliability_determinism test to run" >&2
    return 1
  }
  meson test -C build-tsan --no-rebuild --print-errorlogs reliability_determinism || return 1
}

stage_fuzz() {
  [ -f build-sanitize/build.ninja ] || setup_sanitize || return 1
  ninja -C build-sanitize -j "$jobs" >&2 || return 1
  local work=build-sanitize/fuzz-runs status=0 harness name
  rm -rf "$work"
  mkdir -p "$work"
  fuzz_details=()
  for harness in tests/fuzz/corpus/*/; do
    name=$(basename "$harness")
    # New inputs go to a scratch corpus, not into the repository; a crash's
    # input is saved as $work/<name>-crash-<sha1>, to be added to
    # tests/fuzz/regressions/<name>/ once fixed.
    mkdir -p "$work/$name"
    local log="$work/$name.log" rc=0
    build-sanitize/tests/fuzz/fuzz_"$name" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=1024 \
      -print_final_stats=1 -artifact_prefix="$work/$name-" "$work/$name" "$harness" \
      $([ -d "tests/fuzz/regressions/$name" ] && echo "tests/fuzz/regressions/$name") >"$log" 2>&1 || rc=$?
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ $rc -ne 0 ]; then
      status=1
      echo "fuzz: $name FAILED; the last lines of $log:" >&2
      tail -n 40 "$log" >&2
      fuzz_details+=("$name: ${execs:-?} runs, CRASH (see $log)")
    else
      fuzz_details+=("$name: ${execs:-?} runs, no crash")
    fi
  done
  return $status
}

normal_results="" sanitize_results=""
fuzz_details=()
for stage in $stages; do
  echo "=== $stage" >&2
  start=$SECONDS
  status=0
  case $stage in
    normal) stage_normal "$@" || status=$? ;;
    sanitize) stage_sanitize || status=$? ;;
    tsan) stage_tsan || status=$? ;;
    fuzz) stage_fuzz || status=$? ;;
    *) echo "test.sh: unknown stage '$stage' (normal, sanitize, tsan, fuzz)" >&2; exit 2 ;;
  esac
  detail=""
  case $stage in
    normal) detail=$normal_results ;;
    sanitize) detail=$sanitize_results ;;
    fuzz) detail="${#fuzz_details[@]} harnesses, ${fuzz_seconds}s each" ;;
  esac
  record "$stage" $status $((SECONDS - start)) "$detail"
done

echo
echo "summary:"
printf '  %s\n' "${summary[@]}"
for d in "${fuzz_details[@]}"; do echo "    $d"; done
[ -z "$normal_results" ] || echo "$normal_results"
exit $overall
