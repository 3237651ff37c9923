#!/usr/bin/env bash
# Sets up and builds the toolkit, then runs the whole test suite in four
# stages and prints one summary:
#
#   normal     the release build in build/: unit tests, end-to-end tests of the
#              real binaries on testdata/, the simulator's own check, and a
#              replay of the fuzzers' seed and regression inputs
#   sanitize   the same suite built by clang with AddressSanitizer and
#              UndefinedBehaviorSanitizer in build-sanitize/ (left out: the
#              simulator's check, which runs none of our code, and the install
#              test, whose plain compiler cannot link a sanitized library).
#              It runs with SOMATIC_TEST_SMALL=1: the heavy tests then take
#              small inputs (the sanitizers look for memory and undefined-
#              behaviour errors, not accuracy), so that they finish in a
#              fraction of their time limit on a loaded machine
#   tsan       ThreadSanitizer in build-tsan/: the parallel engine's unit tests
#              and every tool at 1, 2 and 8 threads
#              (tests/e2e/reliability/determinism.py); two tests
#   fuzz       each libFuzzer harness of tests/fuzz/ for SOMATIC_FUZZ_SECONDS
#              seconds (default 15), from build-sanitize/; a harness is a test
#
# The last line printed counts the tests of every stage that ran:
# "N passed, M failed, K skipped (stages: ...)". A stage that fails without a
# failed test (a build that breaks, say) counts as one failed test.
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

# What testing needs beyond the build (scripts/setup.sh): samtools, tabix and
# bcftools (the indel normalisation check, tests/e2e/snv/indels.py, and the
# simulator's indel check), and
# python3 with numpy for the end-to-end checks; pysam for the artefact
# injector (sim/inject_artefacts, used by tests/e2e/snv/artefacts.py); groff
# to render the manual pages (tests/e2e/man_render.py); ART
# and bwa for the simulator's own check; Snakemake for the workflow test, and
# SLURM (slurmctld, slurmd, its clients, munge) to run it on a one-node
# cluster; cwltool and Toil for the CWL definitions;
# clang with its sanitizer and libFuzzer runtimes (libclang-rt-14-dev) for
# the sanitize, tsan and fuzz stages, when they run; python3-yaml and
# python3-jinja2 to read the Bioconda recipe as conda-build does, and git
# for the version string's test (tests/e2e/release_files.py,
# version_string.py); python3-jsonschema to validate somatic-report's JSON
# against its schema, and chromium to open the report in a real browser
# (tests/e2e/report/).
test_packages=(samtools bcftools tabix python3 python3-numpy python3-pysam groff-base snakemake art-nextgen-simulation-tools bwa
  slurmctld slurmd slurm-client munge cwltool toil python3-yaml python3-jinja2 git python3-jsonschema chromium)
case " $stages " in
  *" sanitize "* | *" tsan "* | *" fuzz "*) test_packages+=(clang libclang-rt-14-dev) ;;
esac
if ! scripts/setup.sh "${test_packages[@]}"; then
  echo "test.sh: setting up or building failed, so no test ran" >&2
  echo "0 passed, 1 failed, 0 skipped (stages: setup)"
  exit 1
fi

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

# Each stage sets the counts of its tests; the closing line adds them up.
stage_passed=0 stage_failed=0 stage_skipped=0
total_passed=0 total_failed=0 total_skipped=0

# meson's JSON log has one line per test (a timeout counts as failed).
count_meson_results() {
  local counts
  counts=$(/usr/bin/python3 - "$1/meson-logs/testlog.json" <<'PY'
import json, os, sys
ok = fail = skip = 0
if os.path.exists(sys.argv[1]):
    for line in open(sys.argv[1]):
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            ok += 1
        elif result == "SKIP":
            skip += 1
        else:
            fail += 1
print(ok, fail, skip)
PY
  ) || counts="0 0 0"
  read -r stage_passed stage_failed stage_skipped <<<"$counts"
}

stage_counts() {
  echo "$stage_passed passed, $stage_failed failed, $stage_skipped skipped"
}

stage_normal() {
  local status=0
  rm -f build/meson-logs/testlog.json
  meson test -C build --print-errorlogs --num-processes "$jobs" "$@" || status=$?
  count_meson_results build
  echo "normal: $(stage_counts)"
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
  # Left out: the simulator's checks, the install test, and
  # real_hcc2218_chrX: its calls on the N-padded
  # 155 Mb chrX take about 3 minutes under ASan (22 s in the normal stage),
  # while the other real pairs still run here.
  tests=$(meson test -C build-sanitize --no-rebuild --list 2>/dev/null | sed -n 's#^.* / ##p' |
    grep -vx -e simulate_truth -e simulate_indels -e install_layout -e real_hcc2218_chrX)
  rm -f build-sanitize/meson-logs/testlog.json
  # ASan makes the real pairs' calls 6-8 times slower than the normal
  # build (threeIndels 140 s beside another test), past their 120 s limit.
  # shellcheck disable=SC2086
  SOMATIC_TEST_SMALL=1 meson test -C build-sanitize --no-rebuild --print-errorlogs --num-processes "$jobs" \
    --timeout-multiplier 3 $tests || status=$?
  count_meson_results build-sanitize
  echo "sanitize: $(stage_counts)"
  return $status
}

stage_tsan() {
  if [ ! -f build-tsan/build.ninja ]; then
    # clang, for its ignorelist: TBB's headers are left uninstrumented like
    # its library (.ci/tsan-ignorelist.txt says why).
    CC=clang CXX=clang++ meson setup build-tsan --buildtype=debugoptimized -Db_sanitize=thread -Db_lundef=false \
      -Dcpp_args=-fsanitize-ignorelist="$PWD/.ci/tsan-ignorelist.txt" >&2
  fi
  ninja -C build-tsan -j "$jobs" tests/region_engine_tests tools/somatic-snv/somatic-snv tools/somatic-pon/somatic-pon \
    tools/somatic-cnv/somatic-cnv tools/somatic-sig/somatic-sig tools/somatic-msi/somatic-msi >&2 || return 1
  local status=0
  if build-tsan/tests/region_engine_tests; then
    stage_passed=$((stage_passed + 1))
  else
    stage_failed=$((stage_failed + 1)) status=1
  fi
  # Every tool at 1, 2 and 8 threads. The name is checked first: meson test
  # passes when no test matches, which would hide a renamed test.
  # (The list is read whole first: under pipefail, grep -q leaving early
  # would fail the pipe with meson's SIGPIPE.)
  local listed
  listed=$(meson test -C build-tsan --no-rebuild --list 2>/dev/null || true)
  if ! grep -q ' reliability_determinism$' <<<"$listed"; then
    echo "tsan: no reliability_determinism test to run" >&2
    stage_failed=$((stage_failed + 1))
    return 1
  fi
  if SOMATIC_TEST_SMALL=1 meson test -C build-tsan --no-rebuild --print-errorlogs reliability_determinism; then
    stage_passed=$((stage_passed + 1))
  else
    stage_failed=$((stage_failed + 1)) status=1
  fi
  echo "tsan: $(stage_counts)"
  return $status
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
      stage_failed=$((stage_failed + 1))
      echo "fuzz: $name FAILED; the last lines of $log:" >&2
      tail -n 40 "$log" >&2
      fuzz_details+=("$name: ${execs:-?} runs, CRASH (see $log)")
    else
      fuzz_details+=("$name: ${execs:-?} runs, no crash")
      stage_passed=$((stage_passed + 1))
    fi
  done
  return $status
}

fuzz_details=()
for stage in $stages; do
  echo "=== $stage" >&2
  start=$SECONDS
  status=0
  stage_passed=0 stage_failed=0 stage_skipped=0
  case $stage in
    normal) stage_normal "$@" || status=$? ;;
    sanitize) stage_sanitize || status=$? ;;
    tsan) stage_tsan || status=$? ;;
    fuzz) stage_fuzz || status=$? ;;
    *) echo "test.sh: unknown stage '$stage' (normal, sanitize, tsan, fuzz)" >&2; exit 2 ;;
  esac
  # A stage that ran no test (meson test passes when no test matches a name)
  # fails; one that failed with no failed test (a broken build, a missing
  # test) still counts once, so the closing line cannot read "0 failed".
  if [ $((stage_passed + stage_failed + stage_skipped)) -eq 0 ]; then
    echo "test.sh: the $stage stage ran no test" >&2
    status=1
  fi
  if [ $status -ne 0 ] && [ "$stage_failed" -eq 0 ]; then
    stage_failed=1
  fi
  detail=$(stage_counts)
  [ "$stage" != fuzz ] || detail="$detail; ${#fuzz_details[@]} harnesses, ${fuzz_seconds}s each"
  record "$stage" $status $((SECONDS - start)) "$detail"
  total_passed=$((total_passed + stage_passed))
  total_failed=$((total_failed + stage_failed))
  total_skipped=$((total_skipped + stage_skipped))
done

echo
echo "summary:"
printf '  %s\n' "${summary[@]}"
for d in "${fuzz_details[@]}"; do echo "    $d"; done
echo "$total_passed passed, $total_failed failed, $total_skipped skipped (stages: $(echo $stages))"
exit $overall
