#!/usr/bin/env bash
# Developer helper: checks that LibreOffice keeps the verdict workbook's filter. Writes the bundled sample's verdicts
# as .xlsx, lets LibreOffice headless open and save it again (as .xlsx), and looks in the file it saved for the
# autofilter and its _xlnm._FilterDatabase name. Runs only where LibreOffice (soffice) is installed; elsewhere it says
# so and checks nothing (the test suite reads the written file back with the Open XML SDK in every run).
# Usage: .ci/xlsx-libreoffice-check.sh
set -euo pipefail
if ! command -v soffice >/dev/null; then
  echo "soffice not found: LibreOffice check not run (the Open XML read-back tests still run in 'dotnet test')"
  exit 0
fi
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project "$here/samples/TaobaoVillage.Planner" -c Release -- score --output "$work/verdicts.xlsx" >/dev/null
mkdir "$work/out"
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to xlsx --outdir "$work/out" "$work/verdicts.xlsx" >/dev/null
saved="$work/out/verdicts.xlsx"
unzip -p "$saved" xl/workbook.xml | grep -q '_xlnm._FilterDatabase' || { echo "LibreOffice dropped the _xlnm._FilterDatabase name"; exit 1; }
unzip -p "$saved" 'xl/worksheets/*.xml' | grep -q '<autoFilter' || { echo "LibreOffice dropped the autofilter"; exit 1; }
echo "LibreOffice kept the filter: $(unzip -p "$saved" xl/workbook.xml | grep -o '<definedName[^>]*_FilterDatabase[^<]*')"
