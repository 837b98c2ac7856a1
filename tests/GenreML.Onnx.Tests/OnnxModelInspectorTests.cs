using GenreML.Onnx.Export;
using GenreML.Onnx.Inspection;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

public sealed class OnnxModelInspectorTests
{
    [Fact]
    public void Summary_lists_interface_operators_parameters_and_metadata()
    {
        torch.manual_seed(61);
        var model = Sequential(("conv", Conv2d(1, 4, 3)), ("relu", ReLU()), ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("head", Linear(4, 10)));
        var options = Parity.Options() with { Metadata = new Dictionary<string, string> { ["genreml.card"] = "{}" }, DynamicFrames = true };

        var summary = OnnxModelInspector.Inspect(OnnxExporter.ExportToBytes(model, options));

        Assert.Equal(8, summary.IrVersion);
        Assert.Equal(17, summary.Opsets[""]);
        Assert.StartsWith("GenreML ", summary.Producer);
        Assert.Equal("logmel: float32[N, 1, 8, T]", Assert.Single(summary.Inputs).ToString());
        Assert.Equal(["logits: float32[N, 10]", "probabilities: float32[N, 10]", "embedding: float32[N, 4]"], summary.Outputs.Select(o => o.ToString()));
        Assert.Equal(
            new Dictionary<string, int> { ["Conv"] = 1, ["Flatten"] = 1, ["Gemm"] = 1, ["GlobalAveragePool"] = 1, ["Identity"] = 1, ["Relu"] = 1, ["Softmax"] = 1 },
            summary.OperatorHistogram);
        Assert.Equal(7, summary.NodeCount);
        Assert.Equal(4, summary.InitializerCount);
        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.ParameterCount);
        Assert.Equal("{}", summary.Metadata["genreml.card"]);
    }

    [Fact]
    public void Inspecting_garbage_throws_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelInspector.Inspect([1, 2, 3]));
        Assert.Contains("not an ONNX model", error.Message);
    }
}
