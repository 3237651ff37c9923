#!/usr/bin/env bash
# Sets up and builds the toolkit, then runs the whole test suite: unit tests,
# end-to-end tests of the real binaries on testdata/, and the simulator's
# own check. Ends with a line "N passed, N failed".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh

status=0
meson test -C build --print-errorlogs "$@" || status=$?

# meson's JSON log has one line per test; summarise it in the plain form.
python3 - build/meson-logs/testlog.json <<'PY'
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
exit $status
