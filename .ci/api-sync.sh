#!/usr/bin/env bash
# Developer helper: append the public symbols the build reports as untracked (RS0016) to PublicAPI.Unshipped.txt.
# Usage: .ci/api-sync.sh src/TaobaoVillage
set -euo pipefail
proj=${1:?project folder}
dotnet build "$proj" -c Release -p:TreatWarningsAsErrors=false 2>&1 \
  | grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" \
  | sort -u >> "$proj/PublicAPI.Unshipped.txt" || true
{ head -1 "$proj/PublicAPI.Unshipped.txt"; tail -n +2 "$proj/PublicAPI.Unshipped.txt" | sort -u; } > "$proj/PublicAPI.tmp" && mv "$proj/PublicAPI.tmp" "$proj/PublicAPI.Unshipped.txt"
# And drop the ones the build says are gone (RS0017), so a rename or removal is one command too.
dotnet build "$proj" -c Release -p:TreatWarningsAsErrors=false --no-incremental 2>&1 \
  | grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API)" | sort -u > "$proj/PublicAPI.gone" || true
if [ -s "$proj/PublicAPI.gone" ]; then
  grep -vxF -f "$proj/PublicAPI.gone" "$proj/PublicAPI.Unshipped.txt" > "$proj/PublicAPI.tmp" || true
  mv "$proj/PublicAPI.tmp" "$proj/PublicAPI.Unshipped.txt"
fi
rm -f "$proj/PublicAPI.gone"
