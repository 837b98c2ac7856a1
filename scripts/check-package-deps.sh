#!/usr/bin/env bash
# Packs every GenreML package as CI does (ContinuousIntegrationBuild: deterministic, normalised paths) into a
# temporary folder and checks each one: its dependencies (exactly the expected ids), its size, and that it carries
# what it promises (XML docs, README, symbols package, Source Link repository when the checkout has a remote; the
# slim tool: the model and no TorchSharp). Then it installs both tools from that folder into a temporary tool path
# and runs them from a folder outside the repository: genreml predict with the shipped model on a committed
# fixture, and genreml train → the installed genreml-train (a 1-epoch run on 2 s demo clips), then predict with it.
# Usage: scripts/check-package-deps.sh [--keep <dir> | --packed <dir>]
#   --keep <dir>: pack into <dir> and leave the packages there; --packed <dir>: check packages already packed there.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
pack=1; keep=0
case "${1:-}" in
  --keep) out="$(mkdir -p "$2" && cd "$2" && pwd)"; keep=1 ;;
  --packed) out="$(cd "$2" && pwd)"; keep=1; pack=0 ;;
  *) out="$(mktemp -d)" ;;
esac
work="$(mktemp -d)"
cleanup() { rm -rf "$work"; if [[ $keep == 0 ]]; then rm -rf "$out"; fi; }
trap cleanup EXIT
max_slim_tool_mb=60
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }

libraries=(GenreML.Core GenreML.Audio GenreML.Inference GenreML.MLNet GenreML.Onnx GenreML.Training)
tools=(GenreML.Cli GenreML.Cli.Training)
SECONDS=0
# The training tool is packed with the natives of this machine's platform only (linux-x64): the full package carries
# libtorch for three platforms (307 MB packed, 1.1 GB installed), which doubles the time and the disk this check
# needs without testing anything more here. A plain 'dotnet pack src/GenreML.Cli.Training' makes the full one.
if [[ $pack == 1 ]]; then
  for project in "${libraries[@]}" "${tools[@]}"; do
    extra=(); [[ $project == GenreML.Cli.Training ]] && extra=(-p:ToolNativeRuntimes=linux-x64)
    dotnet pack "$repo/src/$project" -c Release -o "$out" --nologo -v quiet -clp:ErrorsOnly -p:ContinuousIntegrationBuild=true \
      -p:PublishDir="$work/publish/$project/" "${extra[@]}" >/dev/null
    rm -rf "$work/publish"
  done
  echo "packed ${#libraries[@]} libraries and ${#tools[@]} tools in ${SECONDS} s (genreml-train: linux-x64 natives only)"
fi

# Exact dependency ids of each library package (tools have none: they carry their dependencies inside).
declare -A expected=(
  [GenreML.Core]=""
  [GenreML.Audio]="Concentus GenreML.Core NLayer NVorbis"
  [GenreML.Inference]="GenreML.Audio Microsoft.ML.OnnxRuntime.Managed"
  [GenreML.MLNet]="GenreML.Audio GenreML.Inference Microsoft.ML"
  [GenreML.Onnx]="GenreML.Audio Google.Protobuf Microsoft.ML.OnnxRuntime.Managed TorchSharp-cpu"
  [GenreML.Training]="GenreML.Audio GenreML.Inference GenreML.Onnx NWaves TorchSharp-cpu"
)
package() { ls "$out/$1".[0-9]*.nupkg; }
nuspec() { unzip -p "$1" '*.nuspec'; }
# (No grep -q after a pipe: with pipefail, the writer's SIGPIPE would turn a match into a failure.)
dependencies() { { nuspec "$1" | grep -o '<dependency id="[^"]*"' || true; } | sed 's/.*id="//; s/"$//' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//'; }
contains() { unzip -Z1 "$1" | grep -x "$2" >/dev/null; }
megabytes() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
has_remote=0; git -C "$repo" remote get-url origin >/dev/null 2>&1 && has_remote=1

for id in "${libraries[@]}" "${tools[@]}"; do
  nupkg="$(package "$id")"; size="$(megabytes "$nupkg")"; deps="$(dependencies "$nupkg")"
  echo "---- $id $size MB; dependencies: ${deps:-none}"
  [[ -f "${nupkg%.nupkg}.snupkg" ]] && ok "symbols package" || bad "$id: no .snupkg beside $nupkg"
  contains "$nupkg" README.md && ok "README.md" || bad "$id: no README.md in the package"
  if [[ $has_remote == 1 ]]; then
    nuspec "$nupkg" | grep '<repository [^>]*commit="' >/dev/null && ok "Source Link repository + commit" || bad "$id: no <repository commit=…> in the nuspec"
  fi
done

for id in "${libraries[@]}"; do
  nupkg="$(package "$id")"; deps="$(dependencies "$nupkg")"
  [[ "$deps" == "${expected[$id]}" ]] && ok "$id dependencies" || bad "$id dependencies are '${deps}', expected '${expected[$id]}'"
  contains "$nupkg" "lib/net10.0/$id.xml" && ok "$id XML docs" || bad "$id: no lib/net10.0/$id.xml"
done
# Apps choose the ONNX Runtime native build (CPU or GPU): no library may bring the CPU package.
for id in GenreML.Inference GenreML.MLNet GenreML.Onnx; do
  if nuspec "$(package "$id")" | grep '<dependency id="Microsoft.ML.OnnxRuntime"' >/dev/null; then bad "$id depends on the CPU native package"; fi
done

slim="$(package GenreML.Cli)"
awk -v s="$(megabytes "$slim")" -v m=$max_slim_tool_mb 'BEGIN { exit !(s < m) }' && ok "genreml tool under $max_slim_tool_mb MB" || bad "genreml tool is $(megabytes "$slim") MB (limit $max_slim_tool_mb)"
if unzip -Z1 "$slim" | grep -iE 'torchsharp|libtorch|(^|/)(lib)?c10\.' >/dev/null; then bad "the genreml tool contains TorchSharp/libtorch files"; else ok "genreml tool has no TorchSharp"; fi
contains "$slim" tools/net10.0/any/onnx/genreml-gtzan.onnx && ok "genreml tool carries the shipped model" || bad "the genreml tool has no onnx/genreml-gtzan.onnx"
contains "$slim" tools/net10.0/any/onnx/genreml-gtzan.int8.onnx && ok "genreml tool carries the 8-bit model" || bad "the genreml tool has no onnx/genreml-gtzan.int8.onnx"
unzip -Z1 "$(package GenreML.Cli.Training)" | grep 'TorchSharp.dll$' >/dev/null && ok "genreml-train tool carries TorchSharp" || bad "genreml-train has no TorchSharp.dll"

# Install both tools from the packed folder and use them from outside the repository.
SECONDS=0
toolpath="$work/tools"
for id in "${tools[@]}"; do
  dotnet tool install "$id" --tool-path "$toolpath" --add-source "$out" --version "$(basename "$(package "$id")" | sed "s/^$id\.//; s/\.nupkg$//")" >/dev/null
done
echo "installed both tools in ${SECONDS} s"
away="$work/elsewhere"; mkdir -p "$away"
cp "$repo/tests/GenreML.Inference.Tests/Fixtures/Shipped/synth-metal-22050-mono.wav" "$away/clip.wav"
want="$(grep -o '"path":"synth-metal-22050-mono.wav","status":"[a-z_]*","genre":"[a-z]*"' "$repo/tests/GenreML.Inference.Tests/Fixtures/Shipped/expected.json" | sed 's/.*"genre":"//; s/"$//' || true)"
got="$(cd "$away" && "$toolpath/genreml" predict clip.wav --json | grep -o '"genre": *"[a-z]*"' | head -1 | sed 's/.*"\([a-z]*\)"$/\1/')"
[[ -n "$want" && "$got" == "$want" ]] && ok "installed genreml predict (shipped model) says $got outside the repository" || bad "installed genreml predict said '$got', expected '$want'"
got8="$(cd "$away" && "$toolpath/genreml" predict clip.wav --json --model genreml-gtzan.int8.onnx | grep -o '"genre": *"[a-z]*"' | head -1 | sed 's/.*"\([a-z]*\)"$/\1/')"
[[ -n "$want" && "$got8" == "$want" ]] && ok "installed genreml predict --model genreml-gtzan.int8.onnx says $got8 outside the repository" || bad "installed genreml predict with the 8-bit model said '$got8', expected '$want'"
SECONDS=0
if (cd "$away" && "$toolpath/genreml" demo-data --out demo --clips-per-genre 2 --seconds 2 >/dev/null \
    && "$toolpath/genreml" train --data demo --out run --merge-valid --epochs 1 --width 4 --quiet --no-cache >/dev/null \
    && "$toolpath/genreml" predict clip.wav --model run/model.onnx --json >/dev/null); then
  ok "installed genreml train ran genreml-train (1 epoch, ${SECONDS} s) and its model predicts"
else
  bad "installed genreml train / genreml-train failed"
fi
exit $fail
