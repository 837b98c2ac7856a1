#!/usr/bin/env bash
# The GPU story, checked on a machine without a GPU: samples/GenreML.Samples.Gpu (GenreML.Inference +
# Microsoft.ML.OnnxRuntime.Gpu) must publish with the GPU build of ONNX Runtime (its native library and the CUDA
# provider, not the CPU build), then run on the CPU, classify a committed fixture, and print exactly one warning
# whose advice fits an app that already references the GPU package (install CUDA, not "reference the GPU package").
# The first run restores the GPU package (0.9 GB for Linux and Windows; about 40 s from the mirror here).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }

SECONDS=0
dotnet publish "$repo/samples/GenreML.Samples.Gpu" -c Release -r linux-x64 --self-contained false -o "$work/app" --nologo -v quiet -clp:ErrorsOnly >/dev/null
echo "published in ${SECONDS} s"

packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')"
version="$(grep -o 'Include="Microsoft.ML.OnnxRuntime.Gpu" Version="[^"]*"' "$repo/Directory.Packages.props" | sed 's/.*Version="//; s/"$//')"
gpu_native="$packages/microsoft.ml.onnxruntime.gpu.linux/$version/runtimes/linux-x64/native"
[[ -f "$work/app/libonnxruntime_providers_cuda.so" ]] && ok "published with the CUDA provider library" || bad "no libonnxruntime_providers_cuda.so in the published app"
cmp -s "$work/app/libonnxruntime.so" "$gpu_native/libonnxruntime.so" && ok "libonnxruntime.so is the GPU build $version" || bad "libonnxruntime.so is not the one from Microsoft.ML.OnnxRuntime.Gpu.Linux $version"

cp "$repo/tests/GenreML.Inference.Tests/Fixtures/Shipped/synth-metal-22050-mono.wav" "$work/clip.wav"
status=0
(cd "$work" && ./app/GenreML.Samples.Gpu clip.wav >stdout.txt 2>stderr.txt) || status=$?
sed 's/^/  out: /' "$work/stdout.txt"; sed 's/^/  err: /' "$work/stderr.txt" | cut -c1-300
[[ $status == 0 ]] && ok "exit 0" || bad "exit $status"
grep -qx 'device: Cpu' "$work/stdout.txt" && ok "ran on the CPU" || bad "did not report 'device: Cpu'"
grep -q '^clip.wav: [a-z]* ' "$work/stdout.txt" && ok "classified the clip" || bad "no genre for clip.wav"
[[ "$(wc -l < "$work/stderr.txt")" == 1 ]] && ok "exactly one line on standard error" || bad "$(wc -l < "$work/stderr.txt") lines on standard error, expected one warning"
warning="$(head -1 "$work/stderr.txt")"
[[ "$warning" == warning:*"GPU build of ONNX Runtime"*"CUDA 13"* ]] && ok "the warning says to install CUDA for the GPU build" || bad "the warning does not give the GPU-build advice"
[[ "$warning" != *"reference Microsoft.ML.OnnxRuntime.Gpu"* ]] && ok "the warning does not tell a GPU app to reference the GPU package" || bad "the warning tells a GPU app to reference the GPU package"
exit $fail
