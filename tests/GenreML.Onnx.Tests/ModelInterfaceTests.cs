using GenreML.Onnx.Building;
using GenreML.Onnx.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

public sealed class ModelInterfaceTests
{
    private static Module<Tensor, Tensor> SmallClassifier()
    {
        torch.manual_seed(51);
        return Sequential(
            ("features", Sequential(("conv", Conv2d(1, 4, 3, padding: 1)), ("relu", ReLU()), ("pool", AdaptiveAvgPool2d(1)))),
            ("flatten", Flatten()),
            ("head", Linear(4, 10)));
    }

    [Fact]
    public void Input_and_outputs_follow_the_contract()
    {
        using var runner = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(SmallClassifier(), Parity.Options()));
        var input = Assert.Single(runner.Session.InputMetadata);
        Assert.Equal("logmel", input.Key);
        Assert.Equal([-1, 1, 8, 12], input.Value.Dimensions);
        Assert.Equal("N", input.Value.SymbolicDimensions[0]);
        Assert.Equal(typeof(float), input.Value.ElementType);

        Assert.Equal(["logits", "probabilities", "embedding"], runner.Session.OutputMetadata.Keys);
        foreach (var output in runner.Session.OutputMetadata.Values)
        {
            Assert.Equal(output == runner.Session.OutputMetadata["embedding"] ? [-1, 4] : [-1, 10], output.Dimensions);
            Assert.Equal("N", output.SymbolicDimensions[0]);
        }
    }

    [Fact]
    public void The_embedding_is_what_the_last_linear_layer_reads()
    {
        var model = SmallClassifier();
        using var runner = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(model, Parity.Options()));
        var input = Enumerable.Range(0, 2 * 8 * 12).Select(i => MathF.Sin(i * 0.37f)).ToArray();
        var (logits, _) = runner.Run(input, [2, 1, 8, 12]);
        var (embedding, shape) = runner.Run(input, [2, 1, 8, 12], outputName: "embedding");

        Assert.Equal([2, 4], shape);
        var head = (Linear)model.named_children().Single(c => c.name == "head").module;
        float[] weight = head.weight!.data<float>().ToArray();
        float[] bias = head.bias!.data<float>().ToArray();
        for (int row = 0; row < 2; row++)
        {
            for (int k = 0; k < 10; k++)
            {
                double z = bias[k];
                for (int d = 0; d < 4; d++)
                {
                    z += weight[(k * 4) + d] * embedding[(row * 4) + d];
                }

                Assert.Equal(z, logits[(row * 10) + k], 1e-5);
            }
        }

        using var features = torch.flatten(((Module<Tensor, Tensor>)model.named_children().First().module).call(torch.tensor(input, [2, 1, 8, 12])), 1);
        Assert.Equal(features.data<float>().ToArray(), embedding, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void A_network_that_does_not_end_in_a_linear_layer_has_no_embedding()
    {
        torch.manual_seed(53);
        var model = Sequential(("conv", Conv2d(1, 3, 3)), ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()));
        using var runner = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Equal(["logits", "probabilities"], runner.Session.OutputMetadata.Keys);
    }

    [Fact]
    public void Probabilities_are_the_softmax_of_the_logits()
    {
        using var runner = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(SmallClassifier(), Parity.Options()));
        var input = Enumerable.Range(0, 2 * 8 * 12).Select(i => MathF.Cos(i * 0.1f)).ToArray();
        var (logits, _) = runner.Run(input, [2, 1, 8, 12]);
        var (probabilities, shape) = runner.Run(input, [2, 1, 8, 12], outputName: "probabilities");

        Assert.Equal([2, 10], shape);
        for (int row = 0; row < 2; row++)
        {
            var l = logits.Skip(row * 10).Take(10).ToArray();
            double sum = l.Sum(v => Math.Exp(v - l.Max()));
            for (int k = 0; k < 10; k++)
            {
                Assert.Equal(Math.Exp(l[k] - l.Max()) / sum, probabilities[(row * 10) + k], 1e-6);
            }
        }
    }

    [Fact]
    public void Names_and_time_symbol_are_configurable()
    {
        var options = Parity.Options() with { InputName = "x", LogitsName = "scores", ProbabilitiesName = "p", DynamicFrames = true, FramesSymbol = "frames" };
        using var runner = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(SmallClassifier(), options));
        var input = Assert.Single(runner.Session.InputMetadata);
        Assert.Equal("x", input.Key);
        Assert.Equal(["N", "", "", "frames"], input.Value.SymbolicDimensions);
        Assert.Equal(["scores", "p", "embedding"], runner.Session.OutputMetadata.Keys);
    }

    [Fact]
    public void Normalisation_is_done_in_the_graph_on_raw_input()
    {
        var options = Parity.Options() with { NormalizationMean = -35.5f, NormalizationStd = 17.25f };
        var model = SmallClassifier();
        byte[] onnx = OnnxExporter.ExportToBytes(model, options);

        Parity.AssertMatches(model, onnx, options);
        var ops = Inspection.OnnxModelInspector.Inspect(onnx).OperatorHistogram;
        Assert.Equal(1, ops["Sub"]);
        Assert.Equal(1, ops["Div"]);
    }

    [Fact]
    public void Initializer_and_node_names_are_the_module_tree_names()
    {
        var model = Sequential(
            ("features", Sequential(("block1", Sequential(("conv", Conv2d(1, 4, 3)), ("bn", BatchNorm2d(4)), ("relu", ReLU()))))),
            ("pool", AdaptiveMaxPool2d([1, 1])),
            ("flatten", Flatten()),
            ("classifier", Linear(4, 3)));
        var proto = OnnxExporter.ExportToModel(model, Parity.Options() with { FoldBatchNorm = false });

        var expected = model.named_parameters().Select(p => p.name)
            .Concat(model.named_buffers().Select(b => b.name).Where(n => !n.EndsWith("num_batches_tracked", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, proto.Graph.Initializer.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains(proto.Graph.Node, n => n.Name == "features.block1.conv" && n.OpType == "Conv");
        Assert.Contains(proto.Graph.Node, n => n.Name == "classifier" && n.OpType == "Gemm");
        Assert.All(proto.Graph.Node, n => Assert.False(string.IsNullOrEmpty(n.Name)));
    }

    [Fact]
    public void Header_fields_are_written()
    {
        var proto = OnnxExporter.ExportToModel(SmallClassifier(), Parity.Options() with { GraphName = "seed", DocString = "test model", ModelVersion = 3 });
        Assert.Equal(8, proto.IrVersion);
        Assert.Equal(17, Assert.Single(proto.OpsetImport).Version);
        Assert.Equal("GenreML", proto.ProducerName);
        Assert.False(string.IsNullOrEmpty(proto.ProducerVersion));
        Assert.Equal("seed", proto.Graph.Name);
        Assert.Equal("test model", proto.DocString);
        Assert.Equal(3, proto.ModelVersion);
    }

    [Fact]
    public void Training_flags_are_restored_after_export()
    {
        var model = SmallClassifier();
        model.train();
        var features = model.named_children().First().module;
        features.eval();

        OnnxExporter.ExportToBytes(model, Parity.Options());

        Assert.True(model.training);
        Assert.False(features.training);
        Assert.True(model.named_children().Last().module.training);
    }

    [Fact]
    public void Export_in_training_mode_uses_eval_behaviour()
    {
        torch.manual_seed(52);
        var model = Sequential(("conv", Conv2d(1, 2, 3)), ("drop", Dropout(0.9)), ("bn", BatchNorm2d(2)));
        model.train();
        Parity.AssertMatches(model, Parity.Options());
        Assert.True(model.training);
    }
}
