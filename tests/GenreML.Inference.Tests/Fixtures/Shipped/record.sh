#!/usr/bin/env bash
# Records how the shipped model (onnx/genreml-gtzan.onnx) classifies the fixture clips in this folder,
# into expected.json, which ShippedModelTests compares against. Run it from anywhere after the model
# or the front end changed on purpose, and commit the result with that change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
dotnet build "$root/src/GenreML.Cli" -c Release --nologo -v quiet >/dev/null
cli="$root/src/GenreML.Cli/bin/Release/net10.0/genreml"
tmp="$here/expected.json.tmp"
{
  echo "["
  first=1
  cd "$here"   # paths in the recording are the bare file names
  for clip in *.wav *.au; do
    [ "$first" = 1 ] || echo ","
    first=0
    "$cli" predict "$clip" --model "$root/onnx/genreml-gtzan.onnx" --json
  done
  echo "]"
} > "$tmp"
mv "$tmp" "$here/expected.json"
echo "wrote $here/expected.json"
