using GenreML.Onnx.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Onnx.Tests;

/// <summary>Compares TorchSharp forwards with ONNX Runtime on seeded random batches.</summary>
internal static class Parity
{
    public static readonly int[] BatchSizes = [1, 3, 8];

    public static OnnxExportOptions Options(int melBands = 8, int frames = 12, int channels = 1) =>
        new() { MelBands = melBands, Frames = frames, Channels = channels };

    /// <summary>Exports (without the exporter's own verification, so that this check is independent), then checks max |Δ| ≤ tolerance and identical per-sample argmax at batch sizes 1, 3 and 8; returns the max |Δ|.</summary>
    public static double AssertMatches(nn.Module<Tensor, Tensor> model, OnnxExportOptions options, double tolerance = 1e-4, int seed = 7)
    {
        byte[] onnx = OnnxExporter.ExportToBytes(model, options with { Verify = false });
        return AssertMatches(model, onnx, options, tolerance, seed);
    }

    public static double AssertMatches(nn.Module<Tensor, Tensor> model, byte[] onnx, OnnxExportOptions options, double tolerance = 1e-4, int seed = 7, int? frames = null)
    {
        using var runner = new OnnxRuntimeRunner(onnx);
        double worst = 0;
        foreach (int batch in BatchSizes)
        {
            long[] shape = [batch, options.Channels, options.MelBands, frames ?? options.Frames];
            var (input, expected, expectedShape) = TorchForward(model, shape, seed + batch, options);
            var (actual, actualShape) = runner.Run(input, shape, options.InputName, options.LogitsName);
            Assert.Equal(expectedShape, actualShape);
            Assert.Equal(expected.Length, actual.Length);
            double delta = expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).DefaultIfEmpty(0).Max();
            Assert.True(delta <= tolerance, $"batch {batch}: max |Δ| = {delta:G4} > {tolerance:G4}");
            Assert.Equal(ArgMaxPerSample(expected, batch), ArgMaxPerSample(actual, batch));
            worst = Math.Max(worst, delta);
        }

        return worst;
    }

    public static (float[] Input, float[] Output, long[] Shape) TorchForward(nn.Module<Tensor, Tensor> model, long[] shape, int seed, OnnxExportOptions options)
    {
        bool training = model.training;
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            using var generator = new Generator((ulong)seed);
            var raw = torch.randn(shape, generator: generator) * 3;
            var normalised = raw;
            if (options.NormalizationMean is { } mean && options.NormalizationStd is { } std)
            {
                raw = raw * std + mean;
                normalised = (raw - mean) / std;
            }

            var output = model.call(normalised);
            return (raw.data<float>().ToArray(), output.contiguous().data<float>().ToArray(), output.shape);
        }
        finally
        {
            model.train(training);
        }
    }

    private static int[] ArgMaxPerSample(float[] values, int batch)
    {
        int per = values.Length / batch;
        return Enumerable.Range(0, batch)
            .Select(b => Enumerable.Range(0, per).MaxBy(i => values[(b * per) + i]))
            .ToArray();
    }
}
