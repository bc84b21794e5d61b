#!/usr/bin/env bash
# The pipeline's merge step (examples/ci/github-actions.yml, job "report"):
#   merge-rig-results.sh <artifacts-dir> <out-dir> [<history-dir>]
# Finds every Allure results folder under <artifacts-dir> (one per rig, or one per module when
# a rig ran several: allure-results-<rig>/<port>/) and merges them with `qmt report` into one
# report under <out-dir>, grouped by variant, each result labelled with its rig ("host"); the
# compliance summary lists each run with its rig host.
# <history-dir> carries Allure's history from one pipeline run to the next (the pipeline restores
# and saves it with actions/cache): it is copied to <out-dir>/allure-report/history, which
# `qmt report` puts into the results before `allure generate` (src/report/generate.ts), and the
# new report's history is copied back, so the trend charts fill night after night.
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: merge-rig-results.sh <artifacts-dir> <out-dir> [<history-dir>]" >&2
  exit 2
fi
artifacts=$1
out=$2
history=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t dirs < <(find "$artifacts" -name '*-result.json' -printf '%h\n' | sort -u)
if [ ${#dirs[@]} -eq 0 ]; then
  echo "merge-rig-results: no Allure results under $artifacts" >&2
  exit 2
fi
rigs=$(find "$artifacts" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "merge-rig-results: ${#dirs[@]} results folders from $rigs rig artifact(s)"
# The history is copied into <out-dir> before `qmt report` checks it: check first what qmt report
# would (src/cli/output-folder.ts), so a mistyped <out-dir> holding someone's files is left alone.
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -e "$out/.qmt-output" ]; then
  echo "merge-rig-results: $out holds files qmt did not write (no .qmt-output marker); name an empty or new folder" >&2
  exit 2
fi
if [ -n "$history" ] && [ -d "$history" ] && [ -n "$(ls -A "$history")" ]; then
  mkdir -p "$out/allure-report/history"
  cp -R "$history/." "$out/allure-report/history/"
  echo "merge-rig-results: Allure history of the previous run taken from $history"
fi
node "$here/../../bin/qmt.js" report "${dirs[@]}" --out "$out" --name "Certification over $rigs rig(s)"
if [ -n "$history" ]; then
  mkdir -p "$history"
  cp -R "$out/allure-report/history/." "$history/"
  echo "merge-rig-results: Allure history saved to $history for the next run"
fi
