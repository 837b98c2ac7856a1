using GenreML.Onnx.Building;
using GenreML.Onnx.Export;
using GenreML.Onnx.Proto;
using GenreML.Onnx.Quantization;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;

namespace GenreML.Onnx.Tests.Quantization;

public sealed class Int8QuantizerTests
{
    private const int Bands = 16;
    private const int Frames = 24;

    [Fact]
    public void The_quantised_net_follows_the_float_net()
    {
        ModelProto model = TrainedNet();
        ModelProto quantised = Int8Quantizer.Quantize(model, Ranges(model));

        float[] input = Windows(12, seed: 99).SelectMany(w => w).ToArray();
        float[] expected = Logits(model.ToByteArray(), input, 12);
        float[] actual = Logits(quantised.ToByteArray(), input, 12);
        double scale = expected.Max(Math.Abs);
        double worst = expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
        Assert.True(worst <= 0.05 * scale, $"max |Δ logit| {worst:G4} against logits up to {scale:G4}");
        Assert.True(worst > 0, "the quantised net must really compute in 8 bits");
    }

    [Fact]
    public void Onnx_runtime_runs_every_convolution_on_8_bit_kernels()
    {
        ModelProto model = TrainedNet();
        ModelProto quantised = Int8Quantizer.Quantize(model, Ranges(model));
        string optimised = Path.Combine(Path.GetTempPath(), $"genreml-quantised-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimised })
            using (new InferenceSession(quantised.ToByteArray(), options))
            {
            }

            string[] ops = OnnxModelFile.Read(optimised).Graph.Node.Select(n => n.OpType).ToArray();
            Assert.Equal(3, ops.Count(op => op == "QLinearConv"));
            Assert.DoesNotContain("Conv", ops);
        }
        finally
        {
            File.Delete(optimised);
        }
    }

    [Fact]
    public void Only_the_network_changes()
    {
        ModelProto model = TrainedNet();
        model.MetadataProps.Add(new StringStringEntryProto { Key = "genreml.card", Value = "{}" });
        int nodes = model.Graph.Node.Count;

        ModelProto quantised = Int8Quantizer.Quantize(model, Ranges(model));

        Assert.Equal(nodes, model.Graph.Node.Count);
        Assert.Equal(model.Graph.Input.Select(i => i.ToString()), quantised.Graph.Input.Select(i => i.ToString()));
        Assert.Equal(model.Graph.Output.Select(o => o.ToString()), quantised.Graph.Output.Select(o => o.ToString()));
        Assert.Equal("{}", OnnxMetadata.Get(quantised, "genreml.card"));
        var convs = quantised.Graph.Node.Where(n => n.OpType == "Conv").ToList();
        Assert.Equal(3, convs.Count);
        Assert.All(convs, conv => Assert.All(conv.Input, input => Assert.EndsWith("/dequantized", input)));
        Assert.All(quantised.Graph.Initializer.Where(t => t.Name.EndsWith(".weight.quantized", StringComparison.Ordinal)),
            t => Assert.Equal((int)OnnxElementType.Int8, t.DataType));
        Assert.DoesNotContain(quantised.Graph.Initializer, t => convs.Any(c => c.Input[1] == t.Name));
    }

    [Fact]
    public void Dequantised_weights_are_within_half_a_step_of_the_float_weights()
    {
        ModelProto model = TrainedNet();
        ModelProto quantised = Int8Quantizer.Quantize(model, Ranges(model));
        NodeProto conv = model.Graph.Node.First(n => n.OpType == "Conv");
        float[] weights = InitializerValues.Floats(model.Graph.Initializer.Single(t => t.Name == conv.Input[1]));
        TensorProto q = quantised.Graph.Initializer.Single(t => t.Name == conv.Input[1] + ".quantized");
        float[] scales = InitializerValues.Floats(quantised.Graph.Initializer.Single(t => t.Name == conv.Input[1] + ".scale"));
        sbyte[] values = q.RawData.ToByteArray().Select(b => (sbyte)b).ToArray();
        int per = weights.Length / scales.Length;
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.InRange(Math.Abs(values[i] * scales[i / per] - weights[i]), 0, scales[i / per] / 2 + 1e-7);
        }
    }

    [Fact]
    public void Ranges_cover_what_the_net_computes()
    {
        ModelProto model = TrainedNet();
        IReadOnlyDictionary<string, ActivationRange> ranges = Ranges(model);

        Assert.Equal(Int8Quantizer.ValuesToMeasure(model), ranges.Keys);
        Assert.Equal(6, ranges.Count);
        Assert.All(ranges.Where(r => r.Key.Contains("relu", StringComparison.Ordinal)), r => Assert.True(r.Value.Min >= 0 && r.Value.Max > 0, r.Key));
        ActivationRange input = ranges[model.Graph.Node.First(n => n.OpType == "Conv").Input[0]];
        float[] values = Windows(40, seed: 5).SelectMany(w => w).ToArray();
        Assert.Equal(new ActivationRange(values.Min(), values.Max()), input);
    }

    [Fact]
    public void Windows_of_the_wrong_size_or_none_are_refused()
    {
        ModelProto model = TrainedNet();
        var wrong = Assert.Throws<ArgumentException>(() => ActivationRanges.Measure(model, "logmel", Bands, Frames, [new float[10]]));
        Assert.Contains("expected 16 × 24", wrong.Message);
        var none = Assert.Throws<ArgumentException>(() => ActivationRanges.Measure(model, "logmel", Bands, Frames, []));
        Assert.Contains("no calibration windows", none.Message);
    }

    [Fact]
    public void A_missing_range_an_old_opset_or_a_net_without_convolutions_is_refused()
    {
        ModelProto model = TrainedNet();
        var ranges = Ranges(model).Skip(1).ToDictionary();
        Assert.Contains("no measured range", Assert.Throws<ArgumentException>(() => Int8Quantizer.Quantize(model, ranges)).Message);

        ModelProto old = model.Clone();
        old.OpsetImport.Single(o => string.IsNullOrEmpty(o.Domain)).Version = 12;
        Assert.Contains("opset 12", Assert.Throws<InvalidDataException>(() => Int8Quantizer.Quantize(old, Ranges(model))).Message);

        var builder = new OnnxGraphBuilder("relu-only");
        builder.AddInput("x", OnnxElementType.Float, [OnnxDim.Symbolic("N"), OnnxDim.Fixed(4)]);
        builder.AddNode("Relu", "relu", ["x"], ["y"]);
        builder.AddOutput("y", OnnxElementType.Float, [OnnxDim.Symbolic("N"), OnnxDim.Fixed(4)]);
        ModelProto plain = builder.Build(new OnnxModelInfo());
        Assert.Contains("no convolution", Assert.Throws<ArgumentException>(() => Int8Quantizer.Quantize(plain, new Dictionary<string, ActivationRange>())).Message);
    }

    private static ModelProto TrainedNet()
    {
        torch.manual_seed(31);
        var net = new Networks.DefaultLike();
        Networks.Train(net, [6, 1, Bands, Frames]);
        return OnnxModelFile.Parse(OnnxExporter.ExportToBytes(net, Parity.Options(Bands, Frames) with { FoldBatchNorm = true }));
    }

    private static IReadOnlyDictionary<string, ActivationRange> Ranges(ModelProto model) =>
        ActivationRanges.Measure(model, "logmel", Bands, Frames, Windows(40, seed: 5), batchSize: 7);

    /// <summary>Windows like log-Mel dB: smooth values between −80 and 0.</summary>
    private static IEnumerable<float[]> Windows(int count, int seed)
    {
        var random = new Random(seed);
        for (int w = 0; w < count; w++)
        {
            double level = -60 + 40 * random.NextDouble();
            yield return Enumerable.Range(0, Bands * Frames)
                .Select(i => (float)Math.Clamp(level + 15 * Math.Sin(i * 0.37 + w) + 8 * (random.NextDouble() - 0.5), -80, 0)).ToArray();
        }
    }

    private static float[] Logits(byte[] model, float[] input, int batch)
    {
        using var runner = new OnnxRuntimeRunner(model);
        return runner.Run(input, [batch, 1, Bands, Frames]).Values;
    }
}
