#!/usr/bin/python3
"""Validate ONNX models written by GenreML with the reference checker of the `onnx` package.

Usage: /usr/bin/python3 tools/onnx_check.py MODEL.onnx [MODEL.onnx ...]

Reads every file once, parses it into a ModelProto and runs onnx.checker.check_model on that in-memory
proto with full_check=True (structure, operator schemas and strict shape inference); prints one result
line per file and exits 1 if any check failed. The files are only read: given a *path*, onnx 1.12's
check_model(full_check=True) writes the shape-inferred model back over the file it checks, so this tool
never passes it one. Meant for Debian's python3-onnx; GenreML's tests only run it when it is installed.
"""
import sys

import onnx
from google.protobuf.message import DecodeError


def check(path: str) -> bool:
    try:
        with open(path, "rb") as file:
            model = onnx.load_model_from_string(file.read())
        onnx.checker.check_model(model, full_check=True)
    except DecodeError as error:
        print(f"FAIL {path}: not an ONNX model ({error})")
        return False
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError, OSError) as error:
        print(f"FAIL {path}: {error}")
        return False
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
