"""Writes tiny-genre.onnx: a small, randomly weighted genre model with a GenreML card in its metadata.

Run with Debian's python3-onnx (/usr/bin/python3 make_tiny_model.py). Tests read only the committed
output. The network is deliberately small (one conv, global pooling, one dense layer) so tests that
push audio through it stay fast; its feature settings are small too (32 Mel bands, 64-frame windows).
"""
import json
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

LABELS = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]
MELS, FRAMES, CHANNELS = 32, 64, 4

card = {
    "schemaVersion": 1,
    "labels": LABELS,
    "features": {
        "sampleRate": 22050, "fftSize": 1024, "hopLength": 512, "windowLength": 1024, "center": True,
        "padMode": "Constant", "spectrum": "Power", "melBands": MELS, "fMin": 0, "fMax": None,
        "melScale": "Slaney", "melNorm": "Slaney", "toDecibels": True, "dbReference": "Max",
        "aMin": 1e-10, "topDb": 80,
    },
    "inputName": "logmel", "probabilitiesOutput": "probabilities", "logitsOutput": "logits",
    "windowFrames": FRAMES, "windowHop": 32,
    "normalization": {"mean": -40.0, "std": 20.0},
    "aggregation": "mean-probabilities",
    "architecture": "tiny-test",
    "provenance": {"data": "random weights (test fixture)", "command": "make_tiny_model.py"},
}

rng = np.random.default_rng(7)
init = [
    numpy_helper.from_array(np.array([-40.0], np.float32), "norm.mean"),
    numpy_helper.from_array(np.array([20.0], np.float32), "norm.std"),
    numpy_helper.from_array(rng.normal(0, 0.5, (CHANNELS, 1, 3, 3)).astype(np.float32), "conv.weight"),
    numpy_helper.from_array(rng.normal(0, 0.1, (CHANNELS,)).astype(np.float32), "conv.bias"),
    numpy_helper.from_array(rng.normal(0, 1.0, (len(LABELS), CHANNELS * 2)).astype(np.float32), "fc.weight"),
    numpy_helper.from_array(rng.normal(0, 0.1, (len(LABELS),)).astype(np.float32), "fc.bias"),
]
nodes = [
    helper.make_node("Sub", ["logmel", "norm.mean"], ["centred"], name="norm_sub"),
    helper.make_node("Div", ["centred", "norm.std"], ["normalised"], name="norm_div"),
    helper.make_node("Conv", ["normalised", "conv.weight", "conv.bias"], ["conv_out"], name="conv", pads=[1, 1, 1, 1]),
    helper.make_node("Relu", ["conv_out"], ["relu_out"], name="relu"),
    helper.make_node("GlobalAveragePool", ["relu_out"], ["avg"], name="avgpool"),
    helper.make_node("GlobalMaxPool", ["relu_out"], ["max"], name="maxpool"),
    helper.make_node("Concat", ["avg", "max"], ["pooled"], name="concat", axis=1),
    helper.make_node("Flatten", ["pooled"], ["flat"], name="flatten", axis=1),
    helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], name="fc", transB=1),
    helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=-1),
]
graph = helper.make_graph(
    nodes, "tiny_genre",
    [helper.make_tensor_value_info("logmel", TensorProto.FLOAT, ["N", 1, MELS, FRAMES])],
    [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", len(LABELS)]),
     helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", len(LABELS)])],
    init)
model = helper.make_model(graph, producer_name="GenreML test fixture", opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
helper.set_model_props(model, {"genreml.card": json.dumps(card, indent=2)})
onnx.checker.check_model(model, full_check=True)
onnx.save(model, "tiny-genre.onnx")
print("wrote tiny-genre.onnx")
