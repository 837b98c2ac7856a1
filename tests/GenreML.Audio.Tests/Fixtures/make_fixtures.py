"""Generates the parity fixtures of the audio front end.

Run with Debian's interpreter (torch 1.13, torchaudio 0.13, numpy):
    /usr/bin/python3 tests/GenreML.Audio.Tests/Fixtures/make_fixtures.py
It rewrites every file listed in manifest.json in this folder. Tests read only those files.

Layout (all little endian):
  *.i16  int16 PCM; a sample is value / 32768 (so C# and Python see the same floats)
  *.f32  float32, Mel outputs band-major [n_mels x frames], filter banks [n_mels x n_freqs]
Mel references come from torchaudio.transforms.MelSpectrogram in float64, converted to dB with
librosa's power_to_db / amplitude_to_db formula implemented below (librosa is not installed).
Resampling references come from torchaudio.functional.resample (its defaults) on float64 input:
torchaudio builds the sinc kernel in the input's dtype, and in float32 the filter positions are rounded
enough to move the output by up to ~1e-5; the float64 run is the same algorithm without that rounding.
"""
import json
import math
import os

import numpy as np
import torch
import torchaudio

HERE = os.path.dirname(os.path.abspath(__file__))
SR = 22050


def quantise(x):
    """float in [-1, 1] -> int16 PCM and the exact float32 values the tests will read back."""
    pcm = np.clip(np.round(x * 32768.0), -32768, 32767).astype("<i2")
    return pcm, pcm.astype(np.float32) / np.float32(32768.0)


def real_like_signal(rate, seconds, seed, extra_partials=()):
    """An A-minor chord with decaying harmonics, two onsets with noise bursts, and a low noise floor."""
    rng = np.random.RandomState(seed)
    n = int(round(rate * seconds))
    t = np.arange(n) / rate
    out = np.zeros(n)
    for onset, notes in ((0.05 * seconds, (220.0, 261.63, 329.63)), (0.5 * seconds, (196.0, 246.94, 293.66))):
        env = np.where(t >= onset, np.exp(-(t - onset) * 3.0) * (1 - np.exp(-(t - onset) * 200.0)), 0.0)
        for f0 in notes:
            for h in range(1, 9):
                if f0 * h < rate / 2:
                    out += env * np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi)) / h
        burst = np.where(t >= onset, np.exp(-(t - onset) * 40.0), 0.0)
        out += 0.8 * burst * rng.standard_normal(n)
    for f in extra_partials:
        out += 0.3 * np.sin(2 * np.pi * f * t)
    out += 1e-3 * rng.standard_normal(n)
    return 0.8 * out / np.max(np.abs(out))


def power_to_db(s, ref_max, amin, top_db):
    """librosa.power_to_db: 10 log10(max(amin, S)) - 10 log10(max(amin, ref)), floored at max - top_db."""
    ref = np.max(s) if ref_max else 1.0
    log_spec = 10.0 * np.log10(np.maximum(amin, s)) - 10.0 * np.log10(np.maximum(amin, ref))
    if top_db is not None:
        log_spec = np.maximum(log_spec, log_spec.max() - top_db)
    return log_spec


def amplitude_to_db(s, ref_max, amin, top_db):
    """librosa.amplitude_to_db with amin applied to the magnitude: power_to_db(S², ref², amin²)."""
    ref = np.max(s) if ref_max else 1.0
    power = np.square(s)
    log_spec = 10.0 * np.log10(np.maximum(amin * amin, power)) - 10.0 * np.log10(np.maximum(amin * amin, ref * ref))
    if top_db is not None:
        log_spec = np.maximum(log_spec, log_spec.max() - top_db)
    return log_spec


def write(name, array):
    array.tofile(os.path.join(HERE, name))
    return name


def mel_case(signal, name, n_fft, hop, n_mels, mel_scale, norm, win_length=None, pad_mode="constant",
             power=2.0, ref_max=False, top_db=80.0, f_min=0.0, f_max=None, center=True):
    transform = torchaudio.transforms.MelSpectrogram(
        sample_rate=SR, n_fft=n_fft, win_length=win_length, hop_length=hop, f_min=f_min, f_max=f_max,
        n_mels=n_mels, power=power, center=center, pad_mode=pad_mode,
        norm="slaney" if norm == "Slaney" else None, mel_scale=mel_scale.lower()).double()
    mel = transform(torch.from_numpy(signal.astype(np.float64))).numpy()
    to_db = power_to_db if power == 2.0 else amplitude_to_db
    db = to_db(mel, ref_max, 1e-10, top_db).astype("<f4")
    return {
        "name": name,
        "file": write(f"mel_{name}.f32", db),
        "bands": int(db.shape[0]),
        "frames": int(db.shape[1]),
        "options": {
            "SampleRate": SR, "FftSize": n_fft, "HopLength": hop, "WindowLength": win_length or n_fft,
            "Center": center, "PadMode": "Reflect" if pad_mode == "reflect" else "Constant",
            "Spectrum": "Power" if power == 2.0 else "Magnitude", "MelBands": n_mels,
            "FMin": f_min, "FMax": f_max, "MelScale": mel_scale, "MelNorm": norm,
            "ToDecibels": True, "DbReference": "Max" if ref_max else "One", "AMin": 1e-10, "TopDb": top_db,
        },
    }


def main():
    manifest = {"generator": f"torch {torch.__version__}, torchaudio {torchaudio.__version__}, numpy {np.__version__}"}

    pcm, signal = quantise(real_like_signal(SR, 1.5, seed=20240501))
    manifest["signal"] = {"file": write("signal_22050.i16", pcm), "sampleRate": SR, "samples": int(len(pcm))}

    cases = []
    for n_fft, hop, n_mels in ((2048, 512, 128), (1024, 512, 48), (512, 256, 24)):
        for scale in ("Slaney", "Htk"):
            for norm in ("Slaney", "None"):
                cases.append(mel_case(signal, f"{n_fft}_{hop}_{n_mels}_{scale}_{norm}".lower(), n_fft, hop, n_mels, scale, norm))
    cases.append(mel_case(signal, "reflect_htk_none", 512, 512, 16, "Htk", "None", pad_mode="reflect"))
    cases.append(mel_case(signal, "magnitude", 512, 512, 16, "Slaney", "Slaney", power=1.0))
    cases.append(mel_case(signal, "refmax_topdb60", 512, 512, 16, "Slaney", "Slaney", ref_max=True, top_db=60.0))
    cases.append(mel_case(signal, "win400_fmin50_fmax8000", 512, 512, 16, "Slaney", "Slaney", win_length=400, f_min=50.0, f_max=8000.0))
    cases.append(mel_case(signal, "uncentred", 512, 512, 16, "Slaney", "Slaney", center=False))
    manifest["mel"] = cases

    banks = []
    for scale in ("Slaney", "Htk"):
        for norm in ("Slaney", "None"):
            fb = torchaudio.functional.melscale_fbanks(33, 100.0, 7000.0, 8, 16000,
                                                       norm="slaney" if norm == "Slaney" else None,
                                                       mel_scale=scale.lower())
            name = f"melbank_16000_64_8_{scale}_{norm}".lower()
            banks.append({"file": write(name + ".f32", fb.numpy().T.astype("<f4").copy()),
                          "sampleRate": 16000, "fftSize": 64, "bands": 8, "fMin": 100.0, "fMax": 7000.0,
                          "scale": scale, "norm": norm})
    manifest["melBanks"] = banks

    resamples = []
    for rate in (44100, 48000, 16000):
        pcm_in, x = quantise(real_like_signal(rate, 0.1, seed=rate, extra_partials=(12000.0, 15000.0) if rate > 32000 else ()))
        y32 = torchaudio.functional.resample(torch.from_numpy(x), rate, SR).numpy()
        y64 = torchaudio.functional.resample(torch.from_numpy(x.astype(np.float64)), rate, SR).numpy()
        print(f"resample {rate}: torchaudio float32 vs float64 max |diff| = {np.max(np.abs(y32 - y64)):.2e}")
        resamples.append({"fromRate": rate, "toRate": SR,
                          "input": write(f"resample_{rate}_in.i16", pcm_in),
                          "output": write(f"resample_{rate}_to_{SR}.f32", y64.astype("<f4")),
                          "inputSamples": int(len(pcm_in)), "outputSamples": int(len(y32))})
    manifest["resample"] = resamples

    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(HERE, p)) for p in os.listdir(HERE) if not p.endswith(".py"))
    print(f"fixtures: {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
