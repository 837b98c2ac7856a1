#!/usr/bin/python3
"""Seconds per training epoch of the `seed` network in PyTorch, to compare with TorchSharp.

Same layers as GenreML.Training.Models.SeedNet: three blocks Conv3x3(32/64/128, pad 1) -> BatchNorm ->
ReLU -> MaxPool2 -> Dropout(0.2/0.3/0.4), Flatten, Linear(256), ReLU, Linear(10); Adam 1e-3, batch 32,
cross-entropy. Inputs are N random 1x128x862 tensors with random labels (timing only).

Run with Debian's PyTorch: /usr/bin/python3 bench/seed_pytorch.py --n 64 --epochs 3
"""
import argparse
import json
import time

import torch
from torch import nn


def block(cin, cout, p):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1),
        nn.BatchNorm2d(cout),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Dropout(p),
    )


class SeedNet(nn.Module):
    def __init__(self, classes=10, mels=128, frames=862):
        super().__init__()
        self.features = nn.Sequential(block(1, 32, 0.2), block(32, 64, 0.3), block(64, 128, 0.4))
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(128 * (mels // 8) * (frames // 8), 256),
            nn.ReLU(),
            nn.Linear(256, classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=64, help="number of random inputs per epoch")
    ap.add_argument("--epochs", type=int, default=3, help="epochs to time (the first is reported separately as warm-up)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--frames", type=int, default=862)
    ap.add_argument("--mels", type=int, default=128)
    ap.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0 = leave default)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x = torch.randn(args.n, 1, args.mels, args.frames)
    y = torch.randint(0, 10, (args.n,))
    model = SeedNet(10, args.mels, args.frames)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    times = []
    for epoch in range(args.epochs):
        model.train()
        start = time.perf_counter()
        perm = torch.randperm(args.n)
        for i in range(0, args.n, args.batch):
            idx = perm[i:i + args.batch]
            if len(idx) < 2:
                continue
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}: {times[-1]:.2f} s ({times[-1] / args.n * 1000:.1f} ms per example)", flush=True)

    steady = times[1:] or times
    print(json.dumps({
        "framework": f"pytorch {torch.__version__}",
        "threads": torch.get_num_threads(),
        "n": args.n,
        "batch": args.batch,
        "input": [1, args.mels, args.frames],
        "parameters": sum(p.numel() for p in model.parameters()),
        "first_epoch_s": round(times[0], 3),
        "seconds_per_epoch": round(sum(steady) / len(steady), 3),
        "ms_per_example": round(sum(steady) / len(steady) / args.n * 1000, 2),
    }))


if __name__ == "__main__":
    main()
