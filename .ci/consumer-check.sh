#!/usr/bin/env bash
# Packs the libraries into a local folder, then builds and runs a fresh console app OUTSIDE the solution that takes
# TaobaoVillage* from that folder only (other packages from the usual registry), and checks verdicts as users get them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/app"
mkdir -p "$feed" "$app"
for p in TaobaoVillage TaobaoVillage.Csv TaobaoVillage.Excel TaobaoVillage.Parquet TaobaoVillage.Testing TaobaoVillage.NRules; do
  dotnet pack "$root/src/$p/$p.csproj" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true --nologo -v quiet
done
dotnet pack "$root/samples/TaobaoVillage.Planner/TaobaoVillage.Planner.csproj" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true --nologo -v quiet
echo "packed:"; ls -1 "$feed"
version=$(ls "$feed" | sed -n 's/^TaobaoVillage\.\([0-9][^a-z]*\)\.nupkg$/\1/p' | head -1)
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="TaobaoVillage*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
cat > "$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="TaobaoVillage" Version="$version" />
    <PackageReference Include="TaobaoVillage.Csv" Version="$version" />
    <PackageReference Include="TaobaoVillage.Testing" Version="$version" />
    <PackageReference Include="TaobaoVillage.NRules" Version="$version" />
  </ItemGroup>
</Project>
XML
cp "$root/.ci/consumer/Program.cs" "$app/Program.cs"
cd "$app"
dotnet run --nologo -c Release

# The README's C# blocks, compiled and run exactly as pasted, each as its own program.
n=0
awk '/^```csharp$/{on=1; n++; next} /^```$/{on=0} on{print > ("'"$work"'/readme-block-" n ".cs")}' "$root/README.md"
for block in "$work"/readme-block-*.cs; do
  n=$((n + 1))
  dir="$work/readme-$n"
  mkdir -p "$dir"
  cp "$app/nuget.config" "$app/Consumer.csproj" "$dir/"
  cp "$block" "$dir/Program.cs"
  cp "$root/samples/TaobaoVillage.Planner/data/sample-villages.csv" "$dir/villages.csv"
  if (cd "$dir" && dotnet run --nologo -c Release > "$dir/out.txt" 2>&1); then
    echo "ok   README block $(basename "$block") compiles and runs: $(tail -1 "$dir/out.txt")"
  else
    echo "FAIL README block $(basename "$block"):"; tail -5 "$dir/out.txt"; exit 1
  fi
done

# The planner as users install it: a .NET tool from the packed feed, run on its bundled sample.
cd "$work"  # outside the app: its nuget.config maps sources, which --add-source may not mix with
dotnet tool install --tool-path "$work/tools" --add-source "$feed" TaobaoVillage.Planner --version "$version" >/dev/null
# The tool is RID-specific: this machine gets its ReadyToRun package; other platforms get the framework-dependent "any".
ls "$work/tools/.store/taobaovillage.planner/$version" | grep -q "taobaovillage.planner.$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)" \
  || { echo "FAIL the tool did not install this platform's package"; ls "$work/tools/.store/taobaovillage.planner/$version"; exit 1; }
dotnet tool install --tool-path "$work/tools-any" --add-source "$feed" TaobaoVillage.Planner.any --version "$version" >/dev/null
for tool in "$work/tools/taobao-planner" "$work/tools-any/taobao-planner"; do
  summary=$("$tool" score --format jsonl 2>&1 >/dev/null)
  case "$summary" in
    *"read 332, scored 330"*) echo "ok   the installed tool ($(basename "$(dirname "$tool")")) scores its bundled sample: ${summary##*: }" ;;
    *) echo "FAIL the installed tool ($tool): $summary"; exit 1 ;;
  esac
done
