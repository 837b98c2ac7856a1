#!/usr/bin/python3
"""Single-clip latency of the Python "seed stack" that GenreML.Inference replaces, for comparison with
`genreml bench embedding`: torchaudio.load -> resample -> torchaudio MelSpectrogram + AmplitudeToDB with
the model card's settings -> fixed-size windows -> a PyTorch eager network of the same shape as the
model -> mean of the window probabilities.

The network is the ONNX graph itself executed op by op with eager torch functions and the model's own
weights, so it has exactly the model's shape whatever its architecture (the ops GenreML's exporter
emits are supported). Run with Debian's Python (torch 1.13, torchaudio 0.13, onnx):

    /usr/bin/python3 bench/embedding_seedstack.py MODEL.onnx [AUDIO] [--repetitions 15] [--threads N]

Without AUDIO a 30-second 22 050 Hz mono 16-bit WAV of tones and noise is written to a temporary file.
"""
import argparse
import json
import os
import statistics
import tempfile
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F
import torchaudio
from onnx import numpy_helper


def read_model(path):
    model = onnx.load(path)
    meta = {p.key: p.value for p in model.metadata_props}
    if "genreml.card" not in meta:
        raise SystemExit(f"{path}: no 'genreml.card' in the model's metadata")
    weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}
    return json.loads(meta["genreml.card"]), model.graph, weights


class EagerGraph(torch.nn.Module):
    """Runs an ONNX graph node by node with eager PyTorch ops."""

    def __init__(self, graph, weights):
        super().__init__()
        self.graph, self.weights = graph, dict(weights)
        # Nodes of constants only (an 8-bit model's DequantizeLinear of its weights) are computed once, here.
        self.nodes = []
        for node in graph.node:
            if all(not n or n in self.weights for n in node.input):
                self.weights[node.output[0]] = self.run(node.op_type, self.attrs(node), [self.weights[n] if n else None for n in node.input])
            else:
                self.nodes.append(node)

    @staticmethod
    def attrs(node):
        return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}

    def forward(self, x):
        values = dict(self.weights)
        values[self.graph.input[0].name] = x
        for node in self.nodes:
            a, i = self.attrs(node), [values[n] if n else None for n in node.input]
            values[node.output[0]] = self.run(node.op_type, a, i)
        return {o.name: values[o.name] for o in self.graph.output}

    @staticmethod
    def run(op, a, i):
        binary = {"Add": torch.add, "Sub": torch.sub, "Mul": torch.mul, "Div": torch.div, "MatMul": torch.matmul}
        if op in binary:
            return binary[op](i[0], i[1])
        if op == "Conv":
            pads = a.get("pads", [0, 0, 0, 0])
            return F.conv2d(i[0], i[1], i[2] if len(i) > 2 else None, stride=a.get("strides", 1),
                            padding=(pads[0], pads[1]), dilation=a.get("dilations", 1), groups=a.get("group", 1))
        if op in ("MaxPool", "AveragePool"):
            pads = a.get("pads", [0, 0, 0, 0])
            pool = F.max_pool2d if op == "MaxPool" else F.avg_pool2d
            return pool(i[0], a["kernel_shape"], a.get("strides", a["kernel_shape"]), (pads[0], pads[1]))
        if op == "GlobalAveragePool":
            return i[0].mean(dim=(2, 3), keepdim=True)
        if op == "GlobalMaxPool":
            return i[0].amax(dim=(2, 3), keepdim=True)
        if op == "BatchNormalization":
            return F.batch_norm(i[0], i[3], i[4], i[1], i[2], False, 0.0, a.get("epsilon", 1e-5))
        if op == "Gemm":
            b = i[1].t() if a.get("transB", 0) else i[1]
            return torch.addmm(i[2], i[0], b, beta=a.get("beta", 1.0), alpha=a.get("alpha", 1.0))
        if op == "Flatten":
            return torch.flatten(i[0], a.get("axis", 1))
        if op == "Reshape":
            shape = [s if s != 0 else i[0].shape[k] for k, s in enumerate(i[1].tolist())]
            return i[0].reshape(shape)
        if op == "Transpose":
            return i[0].permute(a["perm"])
        if op == "Unsqueeze":
            out = i[0]
            for axis in sorted(i[1].tolist()):
                out = out.unsqueeze(axis)
            return out
        if op == "Pad":
            pads = i[1].tolist()
            half = len(pads) // 2
            torch_pads = [p for d in reversed(range(half)) for p in (pads[d], pads[d + half])]
            return F.pad(i[0], torch_pads, value=float(i[2]) if len(i) > 2 and i[2] is not None else 0.0)
        if op == "Concat":
            return torch.cat(i, dim=a["axis"])
        if op in ("QuantizeLinear", "DequantizeLinear"):
            scale, zero = i[1].float(), i[2] if len(i) > 2 and i[2] is not None else torch.zeros((), dtype=torch.uint8)
            shape = [1] * i[0].dim()
            if scale.dim() == 1:
                shape[a.get("axis", 1)] = -1
            scale, offset = scale.reshape(shape), zero.float().reshape(shape)
            if op == "DequantizeLinear":
                return (i[0].float() - offset) * scale
            info = torch.iinfo(zero.dtype)
            return torch.clamp(torch.round(i[0] / scale) + offset, info.min, info.max).to(zero.dtype)
        unary = {"Relu": F.relu, "Sigmoid": torch.sigmoid, "Identity": lambda t: t,
                 "Softmax": lambda t: F.softmax(t, dim=a.get("axis", -1)),
                 "LeakyRelu": lambda t: F.leaky_relu(t, a.get("alpha", 0.01)),
                 "Elu": lambda t: F.elu(t, a.get("alpha", 1.0))}
        if op in unary:
            return unary[op](i[0])
        raise SystemExit(f"op {op} is not supported by this benchmark's eager runner")


def front_end(card):
    f = card["features"]
    mel = torchaudio.transforms.MelSpectrogram(
        sample_rate=f["sampleRate"], n_fft=f["fftSize"], win_length=f["windowLength"], hop_length=f["hopLength"],
        f_min=f["fMin"], f_max=f.get("fMax"), n_mels=f["melBands"], power=2.0 if f["spectrum"] == "Power" else 1.0,
        center=f["center"], pad_mode="constant" if f["padMode"] == "Constant" else "reflect",
        norm="slaney" if f["melNorm"] == "Slaney" else None, mel_scale=f["melScale"].lower())
    to_db = torchaudio.transforms.AmplitudeToDB(stype="power" if f["spectrum"] == "Power" else "magnitude", top_db=f["topDb"])
    return mel, to_db, f


def classify(path, card, mel, to_db, f, net):
    waveform, rate = torchaudio.load(path)
    mono = waveform.mean(dim=0)
    if rate != f["sampleRate"]:
        mono = torchaudio.functional.resample(mono, rate, f["sampleRate"])
    db = to_db(mel(mono))
    if f["dbReference"] == "Max":
        db = db - db.max()
    frames, size, hop = db.shape[-1], card["windowFrames"], card["windowHop"]
    count = 1 if frames <= size else 1 + -(-(frames - size) // hop)
    padded = F.pad(db, (0, (count - 1) * hop + size - frames), value=float(db.min()))
    windows = padded.unfold(-1, size, hop)[:, :count].permute(1, 0, 2).unsqueeze(1)
    probabilities = net(windows.contiguous())[card.get("probabilitiesOutput", "probabilities")]
    return probabilities.mean(dim=0), count


def synthetic_clip(folder):
    rate, seconds = 22050, 30
    t = np.arange(rate * seconds) / rate
    rng = np.random.default_rng(1)
    tones = sum(0.1 * np.sin(2 * np.pi * f0 * t) for f0 in (110, 220, 330, 440))
    signal = (tones + 0.05 * rng.standard_normal(t.shape)).astype(np.float32)
    path = os.path.join(folder, "synthetic.wav")
    torchaudio.save(path, torch.from_numpy(signal).unsqueeze(0), rate, encoding="PCM_S", bits_per_sample=16)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("audio", nargs="?")
    parser.add_argument("--repetitions", type=int, default=15)
    parser.add_argument("--threads", type=int, help="torch intra-op threads (default: torch's own choice)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    card, graph, weights = read_model(args.model)
    mel, to_db, f = front_end(card)
    net = EagerGraph(graph, weights).eval()
    with tempfile.TemporaryDirectory() as folder, torch.inference_mode():
        path = args.audio or synthetic_clip(folder)
        classify(path, card, mel, to_db, f, net)
        times, count, probabilities = [], 0, None
        for _ in range(args.repetitions):
            start = time.perf_counter()
            probabilities, count = classify(path, card, mel, to_db, f, net)
            times.append((time.perf_counter() - start) * 1000)
    top = int(probabilities.argmax())
    print(f"seed stack torch {torch.__version__}, torchaudio {torchaudio.__version__}, {torch.get_num_threads()} threads")
    print(f"latency    one clip ({os.path.basename(path)}, {count} windows), median of {args.repetitions}: "
          f"{statistics.median(times):.1f} ms end to end (min {min(times):.1f}); top genre {card['labels'][top]} {float(probabilities[top]):.2f}")


if __name__ == "__main__":
    main()
