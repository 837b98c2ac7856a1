#!/usr/bin/python3
"""Throughput of the Python "seed stack" on the SAME model as the ML.NET scoring path (ScoringBench.cs).

Per file: torchaudio.load -> resample to the card's rate -> torchaudio MelSpectrogram + AmplitudeToDB with the
model card's settings -> the card's windows -> the ONNX graph itself run op by op with eager PyTorch and the model's
own weights (embedding_seedstack.py's EagerGraph: the network of the model, whatever its architecture), all windows
of a file in one batch -> mean of the window probabilities. Prints clips per second and the peak resident set.

Run with Debian's torch/torchaudio:
    /usr/bin/python3 bench/mlnet_seedstack.py MODEL.onnx AUDIO... [--files N] [--threads 1]
The AUDIO files are scored in turn, repeated up to --files entries (default: each once), like ScoringBench.
"""
import argparse
import os
import resource
import sys
import time

import torch
import torchaudio

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from embedding_seedstack import EagerGraph, classify, front_end, read_model  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--files", type=int, help="files to score (the paths repeated); default: each path once")
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads (default 1)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    card, graph, weights = read_model(args.model)
    mel, to_db, f = front_end(card)
    net = EagerGraph(graph, weights).eval()
    count = args.files or len(args.paths)
    files = [args.paths[i % len(args.paths)] for i in range(count)]
    failed = 0
    start = time.perf_counter()
    with torch.inference_mode():
        for path in files:
            try:
                classify(path, card, mel, to_db, f, net)
            except (RuntimeError, OSError):
                failed += 1
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    print(f"python seed stack (torch {torch.__version__}, torchaudio {torchaudio.__version__}, {args.threads} thread(s), "
          f"model {os.path.basename(args.model)}): {len(files)} clips in {elapsed:.2f} s = {len(files) / elapsed:.2f} clips/s, "
          f"peak RSS {peak_mb:.1f} MB, failed {failed}")


if __name__ == "__main__":
    main()
