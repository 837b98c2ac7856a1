#!/usr/bin/python3
"""Writes logmel_reference.json: log-Mel spectrograms of a fixed test signal computed with torchaudio 0.13
(Spectrogram + melscale_fbanks) and numpy dB, the reference for the in-graph waveform front end.

Run with Debian's python3-torchaudio: /usr/bin/python3 make_logmel_reference.py
"""
import json
import math

import numpy as np
import torch
import torchaudio

SIGNAL_LENGTH = 3000


def signal(sample_rate: int) -> np.ndarray:
    n = np.arange(SIGNAL_LENGTH, dtype=np.float64)
    tone = 0.5 * np.sin(2 * math.pi * 440 * n / sample_rate)
    chirp = 0.25 * np.sin(2 * math.pi * (200 + 3000 * n / SIGNAL_LENGTH) * n / sample_rate)
    ramp = 0.05 * (((n * 7919) % 1000) / 500 - 1)
    return (tone + chirp + ramp).astype(np.float32)


def logmel(cfg: dict) -> np.ndarray:
    x = torch.from_numpy(signal(cfg["sampleRate"]))
    spec = torchaudio.transforms.Spectrogram(
        n_fft=cfg["fftSize"], win_length=cfg["windowLength"], hop_length=cfg["hopLength"],
        power=2.0 if cfg["spectrum"] == "Power" else 1.0, center=True,
        pad_mode="constant" if cfg["padMode"] == "Constant" else "reflect")(x.double()[None])[0]
    fb = torchaudio.functional.melscale_fbanks(
        cfg["fftSize"] // 2 + 1, cfg["fMin"], cfg["fMax"] or cfg["sampleRate"] / 2, cfg["melBands"], cfg["sampleRate"],
        norm="slaney" if cfg["melNorm"] == "Slaney" else None, mel_scale=cfg["melScale"].lower()).double()
    mel = (fb.T @ spec).numpy()
    db = 10 * np.log10(np.maximum(mel, cfg["aMin"]))
    if cfg["dbReference"] == "Max":
        db -= db.max()
    if cfg["topDb"] is not None:
        db = np.maximum(db, db.max() - cfg["topDb"])
    return db


CONFIGS = [
    dict(name="librosa-like", sampleRate=22050, fftSize=512, hopLength=128, windowLength=400, padMode="Constant",
         spectrum="Power", melBands=24, fMin=0.0, fMax=None, melScale="Slaney", melNorm="Slaney",
         dbReference="One", aMin=1e-10, topDb=80.0),
    dict(name="torchaudio-like", sampleRate=22050, fftSize=512, hopLength=160, windowLength=512, padMode="Reflect",
         spectrum="Magnitude", melBands=20, fMin=50.0, fMax=8000.0, melScale="Htk", melNorm="None",
         dbReference="Max", aMin=1e-10, topDb=60.0),
]

out = {"signalLength": SIGNAL_LENGTH, "torchaudio": torchaudio.__version__, "cases": []}
for cfg in CONFIGS:
    db = logmel(cfg)
    out["cases"].append({**cfg, "frames": db.shape[1], "logMel": [[float(f"{v:.6g}") for v in row] for row in db]})
with open("logmel_reference.json", "w") as f:
    json.dump(out, f, separators=(",", ":"))
print("wrote logmel_reference.json", [c["frames"] for c in out["cases"]])
