#!/usr/bin/python3
"""Validate ONNX models written by GenreML with the reference checker of the `onnx` package.

Usage: /usr/bin/python3 tools/onnx_check.py MODEL.onnx [MODEL.onnx ...]

Runs onnx.checker.check_model(path, full_check=True) (structure, operator schemas and strict shape
inference) on every file, prints one result line per file and exits 1 if any check failed.
Meant for Debian's python3-onnx; GenreML's tests never need Python.
"""
import sys

import onnx


def check(path: str) -> bool:
    try:
        onnx.checker.check_model(path, full_check=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError, OSError) as error:
        print(f"FAIL {path}: {error}")
        return False
    model = onnx.load(path)
    opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
    print(
        f"OK   {path}: IR {model.ir_version}, opset {opsets}, {len(model.graph.node)} nodes, "
        f"{len(model.graph.initializer)} initializers, producer {model.producer_name} {model.producer_version}"
    )
    return True


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    print(f"onnx {onnx.__version__}")
    results = [check(path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
