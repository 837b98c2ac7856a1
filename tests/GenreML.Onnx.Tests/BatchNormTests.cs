using GenreML.Onnx.Export;
using GenreML.Onnx.Inspection;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

public sealed class BatchNormTests
{
    private static Sequential ConvBn(bool convBias = true, bool affine = true)
    {
        torch.manual_seed(31);
        var bn = BatchNorm2d(4, affine: affine);
        Networks.Randomise(bn, 5);
        return Sequential(("conv", Conv2d(1, 4, 3, padding: 1, bias: convBias)), ("bn", bn), ("relu", ReLU()));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void Conv_batchnorm_matches_with_and_without_folding(bool fold, bool convBias, bool affine)
    {
        var model = ConvBn(convBias, affine);
        Parity.AssertMatches(model, Parity.Options() with { FoldBatchNorm = fold });
    }

    [Fact]
    public void Folding_removes_the_BatchNormalization_node_and_gives_equal_outputs()
    {
        var model = ConvBn();
        var options = Parity.Options();
        byte[] folded = OnnxExporter.ExportToBytes(model, options with { FoldBatchNorm = true });
        byte[] unfolded = OnnxExporter.ExportToBytes(model, options with { FoldBatchNorm = false });

        Assert.DoesNotContain("BatchNormalization", OnnxModelInspector.Inspect(folded).OperatorHistogram.Keys);
        Assert.Equal(1, OnnxModelInspector.Inspect(unfolded).OperatorHistogram["BatchNormalization"]);

        var input = Enumerable.Range(0, 3 * 8 * 12).Select(i => MathF.Sin(i * 0.37f) * 4).ToArray();
        using var a = new OnnxRuntimeRunner(folded);
        using var b = new OnnxRuntimeRunner(unfolded);
        var (x, _) = a.Run(input, [3, 1, 8, 12]);
        var (y, _) = b.Run(input, [3, 1, 8, 12]);
        Assert.True(x.Zip(y, (p, q) => Math.Abs(p - q)).Max() <= 1e-5);
    }

    [Fact]
    public void Batchnorm_at_the_input_exports_unfolded()
    {
        torch.manual_seed(32);
        var bn = BatchNorm2d(1);
        Networks.Randomise(bn, 6);
        Parity.AssertMatches(Sequential(("bn", bn), ("conv", Conv2d(1, 2, 3))), Parity.Options());
    }

    [Fact]
    public void Running_stats_after_training_steps_are_used()
    {
        torch.manual_seed(33);
        var model = Sequential(("conv", Conv2d(1, 4, 3)), ("bn", BatchNorm2d(4)), ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("fc", Linear(4, 10)));
        Networks.Train(model, [6, 1, 8, 12]);
        var bn = (BatchNorm2d)model.named_children().Single(c => c.name == "bn").module;
        Assert.True(bn.running_var!.sub(1).abs().max().item<float>() > 1e-3, "training should have moved the running variance");

        Parity.AssertMatches(model, Parity.Options() with { FoldBatchNorm = false });
        Parity.AssertMatches(model, Parity.Options() with { FoldBatchNorm = true });
    }

    [Fact]
    public void Batchnorm_without_running_stats_is_refused()
    {
        var model = Sequential(("conv", Conv2d(1, 2, 3)), ("bn", BatchNorm2d(2, track_running_stats: false)));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Equal("bn", error.ModulePath);
        Assert.Contains("track_running_stats", error.Message);
    }
}
