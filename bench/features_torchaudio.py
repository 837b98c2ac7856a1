"""Times torchaudio 0.13's log-Mel front end on one 30-second clip, single-threaded.

Same settings as GenreML's LogMelOptions defaults (librosa's conventions): 22 050 Hz, n_fft 2048,
hop 512, 128 Slaney-scale bands with Slaney norm, zero padding, power 2, then AmplitudeToDB(top_db=80).
Prints the median over the repetitions as one parseable line:
    torchaudio_ms_per_clip=<float>
Usage: /usr/bin/python3 bench/features_torchaudio.py [repetitions]   (default 20)
"""
import statistics
import sys
import time

import torch
import torchaudio


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    torch.set_num_threads(1)
    torch.manual_seed(0)
    sr = 22050
    t = torch.arange(30 * sr, dtype=torch.float32) / sr
    signal = 0.3 * torch.sin(2 * torch.pi * 220.0 * t) + 0.2 * torch.sin(2 * torch.pi * 331.0 * t) + 0.05 * torch.randn(t.shape)

    mel = torchaudio.transforms.MelSpectrogram(
        sample_rate=sr, n_fft=2048, hop_length=512, n_mels=128, power=2.0,
        center=True, pad_mode="constant", norm="slaney", mel_scale="slaney")
    to_db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80.0)

    with torch.inference_mode():
        for _ in range(3):
            to_db(mel(signal))
        times = []
        for _ in range(repetitions):
            start = time.perf_counter()
            to_db(mel(signal))
            times.append((time.perf_counter() - start) * 1000.0)
    print(f"torch {torch.__version__}, torchaudio {torchaudio.__version__}, threads {torch.get_num_threads()}, repetitions {repetitions}")
    print(f"torchaudio_ms_per_clip={statistics.median(times):.3f}")


if __name__ == "__main__":
    main()
