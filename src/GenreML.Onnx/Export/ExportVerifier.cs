using System.Runtime.InteropServices;
using GenreML.Onnx.FrontEnd;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Onnx.Export;

/// <summary>Checks an exported graph against the TorchSharp forward on a seeded random batch, in ONNX Runtime.</summary>
internal static class ExportVerifier
{
    private const int BatchSize = 3;

    /// <summary>Throws <see cref="OnnxExportException"/> when ONNX Runtime and TorchSharp disagree.</summary>
    public static void Verify(nn.Module<Tensor, Tensor> model, byte[] onnx, OnnxExportOptions options)
    {
        InferenceSession session;
        try
        {
            session = new InferenceSession(onnx);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxExportException($"ONNX Runtime rejects the exported graph of {model.GetType().FullName}: {e.Message}", e);
        }

        using (session)
        {
            if (options.IsClipLevel)
            {
                ClipExportVerifier.Verify(model, session, options);
                return;
            }

            var widths = options.DynamicFrames ? new[] { options.Frames, options.Frames + Math.Max(1, options.Frames / 2) } : [options.Frames];
            foreach (int width in widths)
            {
                VerifyAt(model, session, options, width);
            }
        }
    }

    private static void VerifyAt(nn.Module<Tensor, Tensor> model, InferenceSession session, OnnxExportOptions options, int width)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)options.VerificationSeed);
        long[] shape;
        Tensor raw, features;
        if (options.WaveformFrontEnd is { } frontEnd)
        {
            shape = [BatchSize, WaveformFrontEndGraph.SampleCount(frontEnd, width)];
            raw = torch.randn(shape, generator: generator) * 0.1;
            features = TorchLogMel.Compute(raw, frontEnd);
        }
        else
        {
            shape = [BatchSize, options.Channels, options.MelBands, width];
            raw = torch.randn(shape, generator: generator);
            if (options.NormalizationMean is { } m && options.NormalizationStd is { } s)
            {
                raw = raw * s + m;
            }

            features = raw;
        }

        var normalised = options.NormalizationMean is { } mean && options.NormalizationStd is { } std ? (features - mean) / std : features;

        float[] expected;
        try
        {
            expected = model.call(normalised).contiguous().data<float>().ToArray();
        }
        catch (Exception e) when (e is ExternalException or ArgumentException or InvalidOperationException)
        {
            throw new OnnxExportException($"{model.GetType().FullName} fails on an input of width {width} frames ({e.Message}); with DynamicFrames the network must accept any width.", e);
        }

        float[] input = raw.contiguous().data<float>().ToArray();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [options.GraphInputName], [inputValue], [options.LogitsName]);
        var actual = outputs[0].GetTensorDataAsSpan<float>();
        if (actual.Length != expected.Length)
        {
            throw new OnnxExportException($"The exported graph returns {actual.Length} logits for a batch of {BatchSize}, TorchSharp {expected.Length}.");
        }

        double scale = Math.Max(1.0, expected.Max(v => Math.Abs((double)v)));
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs((double)actual[i] - expected[i]));
        }

        if (!(worst <= options.VerificationTolerance * scale))
        {
            throw new OnnxExportException(
                $"The exported graph disagrees with the TorchSharp forward of {model.GetType().FullName} at width {width}: max |Δ logit| = {worst:G4} "
                + $"(allowed {options.VerificationTolerance * scale:G4}). Either a module's forward is not the chain of its children in registration "
                + "order (such a container needs its own converter, ModuleConverterRegistry.Register) or a converter emits the wrong nodes.");
        }
    }
}
