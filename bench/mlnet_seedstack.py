"""Throughput of the Python "seed stack" for comparison with the ML.NET scoring path (ScoringBench.cs).

Per clip: torchaudio.load -> resample to 22 050 Hz if needed -> MelSpectrogram (n_fft 1024, hop 512,
32 Slaney mel bands, power 2, centred) -> dB (10 log10, ref = the clip's max, top_db 80) -> 64-frame windows
every 32 frames (last one padded with the minimum) -> a network of the tiny test model's shape
(normalise, 3x3 conv with 4 channels, ReLU, global average + max pooling, dense 8 -> 10, softmax;
random weights, seed 7) -> mean of window probabilities. Prints clips per second.

Run with Debian's torch/torchaudio:  /usr/bin/python3 bench/mlnet_seedstack.py [--files 50] [--seconds 30]
[--threads 1] [audio files...]. Without files it synthesises one clip per genre (tones and noise) into a
temporary folder and scores --files entries by repeating them, like ScoringBench.
"""
import argparse
import math
import os
import tempfile
import time

import torch
import torchaudio

SAMPLE_RATE, N_FFT, HOP, MELS, FRAMES, WINDOW_HOP, LABELS = 22050, 1024, 512, 32, 64, 32, 10


class TinyGenreNet(torch.nn.Module):
    """The tiny test model's shape: normalisation inside, one conv, avg+max pooling, one dense layer."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, 3, padding=1)
        self.fc = torch.nn.Linear(8, LABELS)

    def forward(self, logmel):
        x = torch.relu(self.conv((logmel + 40.0) / 20.0))
        pooled = torch.cat([x.mean(dim=(2, 3)), x.amax(dim=(2, 3))], dim=1)
        return torch.softmax(self.fc(pooled), dim=-1)


def synthesise(folder, seconds):
    paths = []
    t = torch.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    generator = torch.Generator().manual_seed(7)
    for genre in range(LABELS):
        base = 110.0 * (1 + genre / 4)
        wave = sum(torch.sin(2 * math.pi * base * k * t) / k for k in range(1, 4))
        wave = 0.2 * wave + 0.05 * torch.randn(t.shape, generator=generator)
        path = os.path.join(folder, f"clip{genre}.wav")
        torchaudio.save(path, wave.unsqueeze(0).clamp(-1, 1), SAMPLE_RATE, encoding="PCM_S", bits_per_sample=16)
        paths.append(path)
    return paths


def windows(logmel):
    frames = logmel.shape[-1]
    count = 1 if frames <= FRAMES else 1 + math.ceil((frames - FRAMES) / WINDOW_HOP)
    padded = torch.full((MELS, (count - 1) * WINDOW_HOP + FRAMES), float(logmel.min()))
    padded[:, :frames] = logmel
    return torch.stack([padded[:, w * WINDOW_HOP:w * WINDOW_HOP + FRAMES] for w in range(count)]).unsqueeze(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(7)
    mel = torchaudio.transforms.MelSpectrogram(
        SAMPLE_RATE, n_fft=N_FFT, hop_length=HOP, n_mels=MELS, power=2.0, center=True,
        norm="slaney", mel_scale="slaney")
    net = TinyGenreNet().eval()
    with tempfile.TemporaryDirectory() as folder:
        clips = args.paths or synthesise(folder, args.seconds)
        files = [clips[i % len(clips)] for i in range(args.files)]
        start = time.perf_counter()
        with torch.inference_mode():
            for path in files:
                audio, rate = torchaudio.load(path)
                audio = audio.mean(dim=0)
                if rate != SAMPLE_RATE:
                    audio = torchaudio.functional.resample(audio, rate, SAMPLE_RATE)
                power = mel(audio)
                logmel = 10.0 * torch.log10(torch.clamp(power, min=1e-10)) - 10.0 * torch.log10(power.max().clamp(min=1e-10))
                logmel = torch.maximum(logmel, logmel.max() - 80.0)
                net(windows(logmel)).mean(dim=0)
        elapsed = time.perf_counter() - start
    print(f"python seed stack (torch {torch.__version__}, torchaudio {torchaudio.__version__}, {args.threads} thread(s)): "
          f"{len(files)} clips in {elapsed:.2f} s = {len(files) / elapsed:.1f} clips/s")


if __name__ == "__main__":
    main()
