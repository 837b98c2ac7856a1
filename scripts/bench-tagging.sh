#!/usr/bin/env bash
# Measures `genreml tag --write` on N files (default 1000): copies of one 30-s clip in MP3, FLAC, Ogg Vorbis,
# Opus and M4A (N/5 each), tagged from a synthetic results file so that only tagging is timed (no scoring).
# Usage: scripts/bench-tagging.sh <a 30-s audio clip> [N] [work folder]; run it under `nice` on a shared machine.
set -euo pipefail
clip=${1:?give an audio clip}
count=${2:-1000}
work=${3:-$(mktemp -d /tmp/genreml-bench-tagging.XXXXXX)}
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work/src" "$work/lib"
for spec in "mp3:-c:a libmp3lame -b:a 128k" "flac:-c:a flac" "ogg:-c:a libvorbis -q:a 4" "opus:-c:a libopus -b:a 96k" "m4a:-c:a aac -b:a 128k"; do
  ext=${spec%%:*}
  ffmpeg -v error -y -i "$clip" -t 30 -map 0:a ${spec#*:} -metadata title=Bench -metadata genre=Unknown "$work/src/clip.$ext"
done
per=$((count / 5))
: > "$work/results.jsonl"
for ext in mp3 flac ogg opus m4a; do
  for i in $(seq 1 "$per"); do
    f="$work/lib/$ext/$i.$ext"
    mkdir -p "$work/lib/$ext"
    cp "$work/src/clip.$ext" "$f"
    printf '{"path":"%s","genre":"rock","probability":0.9,"top_genres":["rock","metal"],"top_probabilities":[0.9,0.05],"seconds":30,"size":0,"mtime":"","model":"bench"}\n' "$f" >> "$work/results.jsonl"
  done
done
du -sh "$work/lib"
dotnet build "$repo/src/GenreML.Cli" -c Release -v q -clp:ErrorsOnly > /dev/null
tool="$repo/src/GenreML.Cli/bin/Release/net10.0/genreml.dll"
sync
start=$(date +%s%N)
dotnet "$tool" tag --from "$work/results.jsonl" --mode replace --write --undo-log "$work/undo.jsonl" > "$work/tag.log"
end=$(date +%s%N)
tail -1 "$work/tag.log"
python3 -c "import sys; n=$((per * 5)); s=($end-$start)/1e9; print(f'{n} files in {s:.1f} s: {n/s:.1f} files/s (write)')"
start=$(date +%s%N)
dotnet "$tool" tag --undo "$work/undo.jsonl" > "$work/undo.log"
end=$(date +%s%N)
python3 -c "import sys; n=$((per * 5)); s=($end-$start)/1e9; print(f'{n} files in {s:.1f} s: {n/s:.1f} files/s (undo)')"
start=$(date +%s%N)
dotnet "$tool" tag --from "$work/results.jsonl" --mode replace > "$work/dry.log"
end=$(date +%s%N)
python3 -c "import sys; n=$((per * 5)); s=($end-$start)/1e9; print(f'{n} files in {s:.1f} s: {n/s:.1f} files/s (dry run)')"
echo "work folder: $work"
