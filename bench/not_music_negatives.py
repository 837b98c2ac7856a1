#!/usr/bin/python3
"""Writes the generated non-music clips that `genreml calibrate` fits and measures the not-music check on.

Usage: bench/not_music_negatives.py OUT_DIR [--seconds 12]

Two folders, deliberately of different kinds so the measurement is on sounds the check never saw:
  OUT_DIR/fit/     white and brown noise, steady sine tones, regular click trains, 50 Hz mains hum,
                   English speech from espeak-ng (voices en-us and en, default variant)
  OUT_DIR/unseen/  pink, blue and violet noise, sine sweeps, two-tone (DTMF-like) beeps, random clicks,
                   60 Hz hum over a noise floor, espeak-ng speech in German, French, Spanish, Italian,
                   Portuguese, Polish, Dutch and Swedish with other voice variants, and English speech
                   mixed with pink noise at 10 dB SNR
Every clip is 22 050 Hz mono 16-bit WAV. Pure standard library (no numpy) plus the espeak-ng program
(`apt-get install espeak-ng`). Deterministic: seeded per clip.
"""
import math
import os
import random
import struct
import subprocess
import sys
import tempfile
import wave

RATE = 22050

TEXTS = [
    "The committee met on Tuesday to discuss the budget for the coming year, and several members asked for more time.",
    "Please remember to switch off the lights when you leave the room, because electricity is expensive this winter.",
    "In the morning the train was late again, so most passengers waited on the platform and read the newspaper.",
    "Scientists have measured the temperature of the ocean for many decades, and the records show a steady rise.",
    "Our next speaker has worked on bridges and tunnels in four countries and will talk about the new harbour.",
    "Turn left at the second crossing, walk past the bakery, and you will find the library on your right hand side.",
    "The weather forecast for tomorrow says light rain in the north, sunshine in the south and a cool breeze.",
    "He opened the old letter carefully, read the first line twice, and then sat down without saying a word.",
]

FOREIGN = [
    ("de", "Der Zug nach Hamburg hat heute leider zwanzig Minuten Verspätung, bitte achten Sie auf die Durchsagen."),
    ("fr", "Le conseil municipal se réunira jeudi soir pour discuter du nouveau plan de circulation du centre ville."),
    ("es", "Mañana por la mañana visitaremos el museo de historia y después comeremos en un restaurante del puerto."),
    ("it", "La biblioteca resterà chiusa per lavori fino alla fine del mese, ci scusiamo per il disagio."),
    ("pt", "O tempo amanhã será instável, com chuva fraca no norte e céu limpo nas regiões do sul do país."),
    ("pl", "Pociąg do Krakowa odjedzie z peronu trzeciego, prosimy o zachowanie ostrożności przy krawędzi."),
    ("nl", "De vergadering begint om negen uur en duurt ongeveer twee uur, koffie staat klaar in de gang."),
    ("sv", "Bussen mot centralstationen är försenad på grund av snöfall, nästa avgång beräknas om tio minuter."),
]
VARIANTS = ["f2", "m3", "f4", "m7", "klatt", "f1", "m2", "croak"]


def write_wav(path, samples):
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = 0.5 / peak if peak > 0.5 else 1.0
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, int(round(s * scale * 32767))))) for s in samples)
    tmp = path + ".tmp"
    with wave.open(tmp, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)
    os.replace(tmp, path)


def white(n, rng):
    return [rng.gauss(0, 0.2) for _ in range(n)]


def brown(n, rng):
    out, x = [], 0.0
    for _ in range(n):
        x = 0.995 * x + rng.gauss(0, 0.02)
        out.append(x)
    return out


def pink(n, rng):
    # Paul Kellet's economy filter on white noise.
    b0 = b1 = b2 = 0.0
    out = []
    for _ in range(n):
        w = rng.gauss(0, 0.1)
        b0 = 0.99765 * b0 + w * 0.0990460
        b1 = 0.96300 * b1 + w * 0.2965164
        b2 = 0.57000 * b2 + w * 1.0526913
        out.append(b0 + b1 + b2 + w * 0.1848)
    return out


def differentiated(n, rng, times):
    x = white(n + times, rng)
    for _ in range(times):
        x = [x[i + 1] - x[i] for i in range(len(x) - 1)]
    return x[:n]


def tone(n, rng):
    f = rng.uniform(80, 3000)
    return [0.3 * math.sin(2 * math.pi * f * i / RATE) for i in range(n)]


def sweep(n, rng):
    f0, f1 = rng.uniform(50, 300), rng.uniform(2000, 8000)
    k = math.log(f1 / f0) / (n / RATE)
    return [0.3 * math.sin(2 * math.pi * f0 * (math.exp(k * i / RATE) - 1) / k) for i in range(n)]


def dual_tone(n, rng):
    lows, highs = [697, 770, 852, 941], [1209, 1336, 1477]
    out, i = [], 0
    while i < n:
        fl, fh = rng.choice(lows), rng.choice(highs)
        on, off = int(rng.uniform(0.1, 0.3) * RATE), int(rng.uniform(0.05, 0.2) * RATE)
        out += [0.2 * (math.sin(2 * math.pi * fl * j / RATE) + math.sin(2 * math.pi * fh * j / RATE)) for j in range(on)]
        out += [0.0] * off
        i += on + off
    return out[:n]


def clicks(n, rng, regular):
    out = [rng.gauss(0, 0.001) for _ in range(n)]
    period = rng.uniform(0.05, 0.5)
    t = 0.0
    while True:
        t += period if regular else rng.expovariate(1 / period)
        i = int(t * RATE)
        if i >= n - 50:
            break
        for j in range(30):
            out[i + j] += 0.8 * math.exp(-j / 5) * (1 if j % 2 == 0 else -1)
    return out


def hum(n, rng, mains, floor):
    out = []
    for i in range(n):
        t = i / RATE
        s = sum(0.2 / h * math.sin(2 * math.pi * mains * h * t + h) for h in (1, 2, 3, 5))
        out.append(s + (rng.gauss(0, floor) if floor else 0.0))
    return out


def speak(voice, text, speed):
    with tempfile.NamedTemporaryFile(suffix=".wav", delete=False) as f:
        path = f.name
    try:
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", path, text], check=True, capture_output=True)
        with wave.open(path, "rb") as w:
            rate, raw = w.getframerate(), w.readframes(w.getnframes())
        samples = [v / 32768 for v in struct.unpack("<%dh" % (len(raw) // 2), raw)]
        # espeak-ng writes 22 050 Hz; anything else is resampled by nearest sample (only a guard).
        if rate != RATE:
            samples = [samples[int(i * rate / RATE)] for i in range(int(len(samples) * RATE / rate))]
        return samples
    finally:
        os.unlink(path)


def fit_length(samples, n):
    out = list(samples)
    while len(out) < n:
        out += [0.0] * int(0.4 * RATE) + list(samples)
    return out[:n]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 12.0
    n = int(seconds * RATE)
    fit, unseen = os.path.join(root, "fit"), os.path.join(root, "unseen")
    os.makedirs(fit, exist_ok=True)
    os.makedirs(unseen, exist_ok=True)
    jobs = []
    for k in range(6):
        jobs += [
            (fit, f"white-{k}", lambda r: white(n, r)),
            (fit, f"brown-{k}", lambda r: brown(n, r)),
            (fit, f"tone-{k}", lambda r: tone(n, r)),
            (fit, f"clicks-{k}", lambda r: clicks(n, r, True)),
            (fit, f"hum50-{k}", lambda r: hum(n, r, 50, 0.0)),
            (unseen, f"pink-{k}", lambda r: pink(n, r)),
            (unseen, f"blue-{k}", lambda r: differentiated(n, r, 1)),
            (unseen, f"violet-{k}", lambda r: differentiated(n, r, 2)),
            (unseen, f"sweep-{k}", lambda r: sweep(n, r)),
            (unseen, f"dualtone-{k}", lambda r: dual_tone(n, r)),
            (unseen, f"randomclicks-{k}", lambda r: clicks(n, r, False)),
            (unseen, f"hum60-{k}", lambda r: hum(n, r, 60, 0.01)),
        ]
    for k, text in enumerate(TEXTS):
        for voice in ("en-us", "en"):
            jobs.append((fit, f"speech-{voice}-{k}", lambda r, v=voice, t=text, k=k: fit_length(speak(v, t, 150 + 10 * (k % 3)), n)))
    for k, (lang, text) in enumerate(FOREIGN):
        for j in range(3):
            variant = VARIANTS[(k + j) % len(VARIANTS)]
            jobs.append((unseen, f"speech-{lang}+{variant}-{j}", lambda r, v=f"{lang}+{variant}", t=text, j=j: fit_length(speak(v, t, 130 + 20 * j), n)))
    for k, text in enumerate(TEXTS):
        def mixed(r, t=text, k=k):
            voice = fit_length(speak("en-us+" + VARIANTS[k], t, 160), n)
            noise = pink(n, r)
            pv = math.sqrt(sum(v * v for v in voice) / n)
            pn = math.sqrt(sum(v * v for v in noise) / n)
            g = pv / pn / math.sqrt(10.0)
            return [a + g * b for a, b in zip(voice, noise)]
        jobs.append((unseen, f"speech+pink10dB-{k}", mixed))
    for i, (folder, name, make) in enumerate(jobs):
        path = os.path.join(folder, name + ".wav")
        if os.path.exists(path):
            continue
        write_wav(path, make(random.Random(1000 + i)))
    print(f"{sum(1 for _ in os.listdir(fit))} fit clips in {fit}, {sum(1 for _ in os.listdir(unseen))} unseen clips in {unseen}")


if __name__ == "__main__":
    main()
