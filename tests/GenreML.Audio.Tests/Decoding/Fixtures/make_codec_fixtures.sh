#!/bin/sh
# Makes the small MP3 / Ogg / FLAC / Opus fixtures of the managed decoder tests, and next to each
# one "<name>.f32": ffmpeg's own decode of it (interleaved 32-bit float, native rate and channels),
# the reference the managed decoders must match. Needs ffmpeg (with libmp3lame, libvorbis, libopus)
# and lame. Deterministic inputs: ffmpeg's lavfi sources with fixed seeds.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
ref() { ff -i "$1" -c:a pcm_f32le -f f32le "$1.f32"; }

# A music-like test signal: two tones and a little noise, stereo, 0.3 s.
src() { # rate channels seconds out
  ff -f lavfi -i "sine=f=440:r=$1:d=$3" -f lavfi -i "sine=f=657:r=$1:d=$3" -f lavfi -i "anoisesrc=r=$1:d=$3:a=0.05:seed=7" \
     -filter_complex "[0][1]amerge=inputs=2[s];[s][2]amix=inputs=2:normalize=0,volume=0.6[o]" -map "[o]" -ac "$2" -c:a pcm_s16le "$4"
}

src 44100 2 0.3 "$tmp/s44.wav"
src 22050 1 0.3 "$tmp/m22.wav"
src 48000 2 0.3 "$tmp/s48.wav"

# MP3: LAME (tag signed LAME), ffmpeg (tag signed Lavc, like the GTZAN copies), no tag at all, CRC + ID3v1.
lame --quiet -b 128 "$tmp/s44.wav" mp3-lame-cbr-stereo.mp3
lame --quiet -V 4 -m m --resample 22.05 "$tmp/m22.wav" mp3-lame-vbr-mono.mp3
ff -i "$tmp/m22.wav" -c:a libmp3lame -b:a 64k mp3-ffmpeg-mono.mp3
lame --quiet -t -b 96 "$tmp/s44.wav" mp3-lame-no-tag.mp3
lame --quiet -p -b 160 --tt "Fixture" --id3v1-only "$tmp/s48.wav" mp3-lame-crc-id3v1.mp3
for f in mp3-*.mp3; do ref "$f"; done
