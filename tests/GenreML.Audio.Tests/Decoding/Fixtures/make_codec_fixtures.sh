#!/bin/sh
# Makes the small MP3 / Ogg / FLAC / Opus fixtures of the managed decoder tests, and next to each
# one "<name>.f32": ffmpeg's own decode of it (32-bit float at the native rate) downmixed to mono the
# way the decoders downmix (float32: mono copied, stereo (l + r) * 0.5, else the channels summed in
# order times 1/channels), the reference the managed decoders must match. Also needs Debian's
# /usr/bin/python3 with numpy. Needs ffmpeg (with libmp3lame, libvorbis, libopus)
# and lame. Deterministic inputs: ffmpeg's lavfi sources with fixed seeds.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
ref() { # file [decoder]
  ff ${2:+-c:a "$2"} -i "$1" -c:a pcm_f32le -f f32le "$tmp/ref.f32"
  channels=$(ffprobe -v error -select_streams a:0 -show_entries stream=channels -of default=nw=1:nk=1 "$1")
  /usr/bin/python3 - "$tmp/ref.f32" "$channels" "$1.f32" <<'PY'
import sys, numpy as np
x = np.fromfile(sys.argv[1], dtype='<f4').reshape(-1, int(sys.argv[2]))
c = x.shape[1]
if c == 1: m = x[:, 0]
elif c == 2: m = (x[:, 0] + x[:, 1]) * np.float32(0.5)
else:
    m = x[:, 0].copy()
    for k in range(1, c): m = m + x[:, k]
    m = m * np.float32(1.0 / c)
m.astype('<f4').tofile(sys.argv[3])
PY
}

# A music-like test signal: two tones and a little noise, stereo, 0.3 s.
src() { # rate channels seconds out
  ff -f lavfi -i "sine=f=440:r=$1:d=$3" -f lavfi -i "sine=f=657:r=$1:d=$3" -f lavfi -i "anoisesrc=r=$1:d=$3:a=0.05:seed=7" \
     -filter_complex "[0][1]amerge=inputs=2[s];[s][2]amix=inputs=2:normalize=0,volume=0.6[o]" -map "[o]" -ac "$2" -c:a pcm_s16le "$4"
}

src 44100 2 0.3 "$tmp/s44.wav"
src 22050 1 0.3 "$tmp/m22.wav"
src 48000 2 0.3 "$tmp/s48.wav"
src 16000 2 1.0 "$tmp/s16.wav"
src 11025 1 1.0 "$tmp/m11.wav"

# MP3: LAME (tag signed LAME), ffmpeg (tag signed Lavc, like the GTZAN copies), no tag at all, CRC + ID3v1.
[ -n "${SKIP_MP3:-}" ] || lame --quiet -b 128 "$tmp/s44.wav" mp3-lame-cbr-stereo.mp3
[ -n "${SKIP_MP3:-}" ] || lame --quiet -V 4 -m m --resample 22.05 "$tmp/m22.wav" mp3-lame-vbr-mono.mp3
[ -n "${SKIP_MP3:-}" ] || ff -i "$tmp/m22.wav" -c:a libmp3lame -b:a 64k mp3-ffmpeg-mono.mp3
[ -n "${SKIP_MP3:-}" ] || lame --quiet -t -b 96 "$tmp/s44.wav" mp3-lame-no-tag.mp3
[ -n "${SKIP_MP3:-}" ] || lame --quiet -p -b 160 --tt "Fixture" --id3v1-only "$tmp/s48.wav" mp3-lame-crc-id3v1.mp3
[ -n "${SKIP_MP3:-}" ] || for f in mp3-*.mp3; do ref "$f"; done

# Ogg Vorbis (ffmpeg's libvorbis): stereo, mono, 6 channels, and a loud one whose decode overshoots ±1.
# One second each, so that the audio spans several pages: ffmpeg does not trim a stream whose audio
# all sits on its last page to the final granule position (the managed decoder does).
ff -i "$tmp/s16.wav" -c:a libvorbis -q:a 0 ogg-vorbis-stereo.ogg
ff -i "$tmp/m11.wav" -c:a libvorbis -q:a 0 ogg-vorbis-mono.ogg
ff -i "$tmp/m11.wav" -af "pan=5.1|c0=c0|c1=-1*c0|c2=0.5*c0|c3=0.2*c0|c4=c0|c5=0.7*c0" -c:a libvorbis -q:a 0 ogg-vorbis-6ch.ogg
ff -f lavfi -i "sine=f=300:r=16000:d=1" -af "volume=12" -ac 2 -c:a pcm_s16le "$tmp/clipped.wav"
ff -i "$tmp/clipped.wav" -c:a libvorbis -q:a 0 ogg-vorbis-loud.ogg
for f in ogg-*.ogg; do ref "$f"; done

# FLAC: ffmpeg's encoder at several compression levels, 16 and 24-bit samples, 1/2/6 channels, each
# stereo decorrelation mode, odd block sizes; loud noise (verbatim subframes, escaped partitions) and
# silence (constant subframes); the reference flac encoder for 8-bit and 32-bit samples, and a
# picture block with a seek table.
src 44100 2 0.25 "$tmp/f44.wav"
src 8000 1 0.25 "$tmp/f8m.wav"
ff -f lavfi -i "anoisesrc=r=22050:d=0.2:a=1:c=white:seed=3" -ac 2 -c:a pcm_s16le "$tmp/noise.wav"
ff -f lavfi -i "anullsrc=r=16000:cl=mono" -t 0.1 -c:a pcm_s16le "$tmp/silence.wav"
ff -i "$tmp/f44.wav" -c:a flac -compression_level 0 flac-s16-stereo-level0.flac
ff -i "$tmp/f44.wav" -c:a flac -compression_level 5 flac-s16-stereo-level5.flac
ff -i "$tmp/f44.wav" -c:a flac -compression_level 12 -exact_rice_parameters 1 flac-s16-stereo-level12.flac
for mode in indep left_side right_side mid_side; do
  ff -i "$tmp/f44.wav" -c:a flac -ch_mode $mode -frame_size 1001 flac-s16-$mode-block1001.flac
done
ff -i "$tmp/f44.wav" -c:a flac -sample_fmt s32 -compression_level 8 flac-s24-stereo.flac
ff -i "$tmp/f8m.wav" -c:a flac -frame_size 333 flac-s16-mono-block333.flac
ff -i "$tmp/f8m.wav" -af "pan=5.1|c0=c0|c1=-1*c0|c2=0.5*c0|c3=0.2*c0|c4=c0|c5=0.7*c0" -c:a flac -sample_fmt s32 flac-s24-6ch.flac
ff -i "$tmp/noise.wav" -c:a flac -compression_level 0 flac-s16-noise.flac
ff -i "$tmp/silence.wav" -c:a flac flac-s16-silence.flac
ff -i "$tmp/f8m.wav" -af "volume=0.9" -c:a pcm_u8 -f u8 "$tmp/f8m.u8"
flac --silent -f --force-raw-format --endian=little --sign=unsigned --channels=1 --bps=8 --sample-rate=8000 -o flac-u8-mono.flac "$tmp/f8m.u8"
ff -i "$tmp/f44.wav" -af "volume=0.9" -c:a pcm_s32le -f s32le "$tmp/f44.s32"
flac --silent -f --force-raw-format --endian=little --sign=signed --channels=2 --bps=32 --sample-rate=44100 -o flac-s32-stereo.flac "$tmp/f44.s32"
ff -f lavfi -i "color=c=blue:s=4x4:d=0.04" -frames:v 1 "$tmp/cover.png"
flac --silent -f --picture="$tmp/cover.png" -o flac-s16-picture-seektable.flac "$tmp/f8m.wav"
for f in flac-*.flac; do [ "$f" = flac-s32-stereo.flac ] || ref "$f"; done
# ffmpeg 5.1 cannot decode 32-bit FLAC: that reference is the flac tool's decode, scaled as ffmpeg
# scales 32-bit integers ((float)x * 2^-31) and downmixed the same way.
flac --silent -f -d --force-raw-format --endian=little --sign=signed -o "$tmp/s32.raw" flac-s32-stereo.flac
/usr/bin/python3 - "$tmp/s32.raw" flac-s32-stereo.flac.f32 <<'PY'
import sys, numpy as np
x = np.fromfile(sys.argv[1], dtype='<i4').reshape(-1, 2).astype(np.float32) * np.float32(2.0 ** -31)
((x[:, 0] + x[:, 1]) * np.float32(0.5)).astype('<f4').tofile(sys.argv[2])
PY

# Ogg Opus (ffmpeg's libopus), 0.4 s in 100-ms pages (audio on several pages): stereo at
# 48 kHz and mono from 16 kHz input.
ff -i "$tmp/s16.wav" -t 0.4 -c:a libopus -b:a 48k -page_duration 100000 opus-stereo.opus
ff -i "$tmp/m11.wav" -t 0.4 -ar 16000 -c:a libopus -b:a 24k -page_duration 100000 opus-mono.opus
# The reference is ffmpeg's libopus decoder (Concentus is a port of libopus); ffmpeg's default, native
# Opus decoder synthesises noise bands differently (same length, max |Δ| ≈ 0.04 on these fixtures).
for f in opus-*.opus; do ref "$f" libopus; done

# Fuzz seeds (no reference): a FLAC file without padding in 64-sample frames, a tiny Ogg Vorbis file.
src 8000 1 0.06 "$tmp/tiny.wav"
flac --silent -f --no-padding --no-seektable -b 64 -o fuzz-seed.flac "$tmp/tiny.wav"
src 8000 1 0.25 "$tmp/tiny-ogg.wav"
ff -i "$tmp/tiny-ogg.wav" -c:a libvorbis -q:a 0 fuzz-seed.ogg
