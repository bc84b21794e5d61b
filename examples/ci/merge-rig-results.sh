#!/usr/bin/env bash
# The pipeline's merge step (examples/ci/github-actions.yml, job "report"):
#   merge-rig-results.sh <artifacts-dir> <out-dir>
# Finds every Allure results folder under <artifacts-dir> (one per rig, or one per module when
# a rig ran several: allure-results-<rig>/<port>/) and merges them with `qmt report` into one
# report under <out-dir>, grouped by variant, each result labelled with its rig ("host").
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: merge-rig-results.sh <artifacts-dir> <out-dir>" >&2
  exit 2
fi
artifacts=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t dirs < <(find "$artifacts" -name '*-result.json' -printf '%h\n' | sort -u)
if [ ${#dirs[@]} -eq 0 ]; then
  echo "merge-rig-results: no Allure results under $artifacts" >&2
  exit 2
fi
rigs=$(find "$artifacts" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "merge-rig-results: ${#dirs[@]} results folders from $rigs rig artifact(s)"
node "$here/../../bin/qmt.js" report "${dirs[@]}" --out "$out" --name "Certification over $rigs rig(s)"
