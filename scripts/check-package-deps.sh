#!/usr/bin/env bash
# Packs GenreML.Inference (and GenreML.Audio and GenreML.Core, which it depends on) into a temporary folder and
# checks that the packages depend on exactly what an embedding app should pull in: ONNX Runtime and GenreML.Audio,
# GenreML.Core for GenreML.Audio, and nothing at all for GenreML.Core. Also checks that the XML docs and the README are inside.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

dotnet pack "$repo/src/GenreML.Core" -c Release -o "$out" --nologo -v quiet >/dev/null
dotnet pack "$repo/src/GenreML.Audio" -c Release -o "$out" --nologo -v quiet >/dev/null
dotnet pack "$repo/src/GenreML.Inference" -c Release -o "$out" --nologo -v quiet >/dev/null

dependencies() { # package file → sorted dependency ids, one per line
  unzip -p "$1" '*.nuspec' | grep -o '<dependency id="[^"]*"' | sed 's/.*id="//; s/"$//' | sort -u || true
}

fail=0
expect() { # package file, expected ids (newline-separated)
  local actual; actual="$(dependencies "$1")"
  if [[ "$actual" != "$2" ]]; then
    echo "FAIL $(basename "$1"): dependencies are:"; echo "${actual:-<none>}" | sed 's/^/  /'
    echo "  expected:"; echo "${2:-<none>}" | sed 's/^/  /'; fail=1
  else
    echo "ok   $(basename "$1"): ${actual//$'\n'/, }"
  fi
}

inference="$(ls "$out"/GenreML.Inference.*.nupkg)"
audio="$(ls "$out"/GenreML.Audio.*.nupkg)"
core="$(ls "$out"/GenreML.Core.*.nupkg)"
expect "$inference" $'GenreML.Audio\nMicrosoft.ML.OnnxRuntime'
expect "$audio" "GenreML.Core"
expect "$core" ""

for entry in lib/net10.0/GenreML.Inference.xml README.md; do
  if unzip -l "$inference" | grep -q " $entry\$"; then echo "ok   contains $entry"; else echo "FAIL missing $entry"; fail=1; fi
done
if unzip -p "$inference" '*.nuspec' | grep -qiE 'TorchSharp|Microsoft\.ML"|OxyPlot|SkiaSharp'; then
  echo "FAIL the package mentions a heavy dependency"; fail=1
fi
exit $fail
