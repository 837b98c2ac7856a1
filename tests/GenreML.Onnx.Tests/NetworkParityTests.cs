using GenreML.Onnx.Export;
using TorchSharp;

namespace GenreML.Onnx.Tests;

public sealed class NetworkParityTests
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void Seed_like_net_matches(bool trained, bool fold)
    {
        torch.manual_seed(21);
        var model = new Networks.SeedLike(32, 40);
        if (trained)
        {
            Networks.Train(model, [6, 1, 32, 40]);
        }

        Parity.AssertMatches(model, Parity.Options(32, 40) with { FoldBatchNorm = fold });
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void Default_like_net_matches(bool trained, bool fold)
    {
        torch.manual_seed(22);
        var model = new Networks.DefaultLike();
        if (trained)
        {
            Networks.Train(model, [6, 1, 16, 24]);
        }

        Parity.AssertMatches(model, Parity.Options(16, 24) with { FoldBatchNorm = fold });
    }

    [Fact]
    public void Default_like_net_with_dynamic_frames_runs_at_other_widths()
    {
        torch.manual_seed(23);
        var model = new Networks.DefaultLike();
        Networks.Train(model, [4, 1, 16, 24], steps: 2);
        var options = Parity.Options(16, 24) with { DynamicFrames = true };
        byte[] onnx = OnnxExporter.ExportToBytes(model, options);

        foreach (int frames in new[] { 8, 24, 40 })
        {
            Parity.AssertMatches(model, onnx, options, frames: frames);
        }
    }

    [Fact]
    public void Pooling_over_time_only_runs_with_dynamic_frames()
    {
        torch.manual_seed(25);
        var model = torch.nn.Sequential(
            ("conv", torch.nn.Conv2d(1, 3, 3, padding: 1)),
            ("pool", torch.nn.AdaptiveAvgPool2d([16, 1])),
            ("flatten", torch.nn.Flatten()),
            ("fc", torch.nn.Linear(48, 5)));
        var options = Parity.Options(16, 24) with { DynamicFrames = true };
        byte[] onnx = OnnxExporter.ExportToBytes(model, options);

        foreach (int frames in new[] { 8, 24, 40 })
        {
            Parity.AssertMatches(model, onnx, options, frames: frames);
        }
    }

    [Fact]
    public void Folded_seed_like_net_keeps_all_parameters_but_the_batch_norms()
    {
        torch.manual_seed(24);
        var model = new Networks.SeedLike(32, 40);
        var summary = Inspection.OnnxModelInspector.Inspect(OnnxExporter.ExportToBytes(model, Parity.Options(32, 40)));

        long torchParameters = model.parameters().Sum(p => p.numel());
        long batchNormParameters = model.named_parameters().Where(p => p.name.Contains(".bn.", StringComparison.Ordinal)).Sum(p => p.parameter.numel());
        Assert.Equal(torchParameters - batchNormParameters, summary.ParameterCount);
    }
}
