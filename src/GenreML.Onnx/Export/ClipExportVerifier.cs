using System.Runtime.InteropServices;
using GenreML.Audio.Features;
using GenreML.Onnx.FrontEnd;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Onnx.Export;

/// <summary>
/// Checks a clip-level graph (<see cref="OnnxExportOptions.IsClipLevel"/>) against TorchSharp on seeded random clips
/// shorter than one window, of about one window, and of several windows with a padded last one: torch.stft log-Mel
/// of the whole clip, windows cut as <see cref="SpectrogramWindows.Cut"/> does, the network, softmax, mean.
/// </summary>
internal static class ClipExportVerifier
{
    /// <summary>Throws <see cref="OnnxExportException"/> when ONNX Runtime and TorchSharp disagree on a clip.</summary>
    public static void Verify(nn.Module<Tensor, Tensor> model, InferenceSession session, OnnxExportOptions options)
    {
        var frontEnd = options.WaveformFrontEnd!;
        int hop = options.ClipWindowHop!.Value;
        int[] frameCounts = [Math.Max(1, options.Frames / 2), options.Frames, options.Frames + hop + Math.Max(1, hop / 2)];
        foreach (int frames in frameCounts)
        {
            long samples = Math.Max(WaveformFrontEndGraph.SampleCount(frontEnd, frames), frontEnd.FftSize);
            VerifyClip(model, session, options, samples);
        }
    }

    private static void VerifyClip(nn.Module<Tensor, Tensor> model, InferenceSession session, OnnxExportOptions options, long samples)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)(options.VerificationSeed + samples));
        var waveform = torch.randn([1, samples], generator: generator) * 0.1;
        var (expectedLogits, expectedProbabilities) = TorchForward(model, waveform, options);

        float[] input = waveform.contiguous().data<float>().ToArray();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, samples]);
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = session.Run(runOptions, [options.GraphInputName], [inputValue], [options.LogitsName, options.ProbabilitiesName]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxExportException($"ONNX Runtime fails to run the clip-level graph on a clip of {samples} samples: {e.Message}", e);
        }

        using var results = outputs;
        float[] logits = results[0].GetTensorDataAsSpan<float>().ToArray();
        float[] probabilities = results[1].GetTensorDataAsSpan<float>().ToArray();
        if (logits.Length != expectedLogits.Length || probabilities.Length != expectedProbabilities.Length)
        {
            throw new OnnxExportException(
                $"The clip-level graph returns {logits.Length} window logits and {probabilities.Length} probabilities for a clip of {samples} samples; "
                + $"TorchSharp {expectedLogits.Length} and {expectedProbabilities.Length} (the windowing differs).");
        }

        double scale = Math.Max(1.0, expectedLogits.Max(v => Math.Abs((double)v)));
        double worstLogit = MaxDifference(logits, expectedLogits);
        double worstProbability = MaxDifference(probabilities, expectedProbabilities);
        if (!(worstLogit <= options.VerificationTolerance * scale) || !(worstProbability <= options.VerificationTolerance))
        {
            throw new OnnxExportException(
                $"The clip-level graph disagrees with TorchSharp on a clip of {samples} samples: max |Δ logit| = {worstLogit:G4} "
                + $"(allowed {options.VerificationTolerance * scale:G4}), max |Δ probability| = {worstProbability:G4} (allowed {options.VerificationTolerance:G4}).");
        }
    }

    private static (float[] Logits, float[] Probabilities) TorchForward(nn.Module<Tensor, Tensor> model, Tensor waveform, OnnxExportOptions options)
    {
        var logMel = TorchLogMel.Compute(waveform, options.WaveformFrontEnd!);
        int frames = (int)logMel.shape[3];
        int hop = options.ClipWindowHop!.Value;
        int count = SpectrogramWindows.Count(frames, options.Frames, hop);
        long padded = ((long)(count - 1) * hop) + options.Frames;
        if (padded > frames)
        {
            var fill = torch.full([1, 1, logMel.shape[2], padded - frames], logMel.min().item<float>());
            logMel = torch.cat([logMel, fill], 3);
        }

        var windows = torch.cat([.. Enumerable.Range(0, count).Select(w => logMel.narrow(3, (long)w * hop, options.Frames))], 0);
        if (options.NormalizationMean is { } mean && options.NormalizationStd is { } std)
        {
            windows = (windows - mean) / std;
        }

        Tensor logits;
        try
        {
            logits = model.call(windows);
        }
        catch (Exception e) when (e is ExternalException or ArgumentException or InvalidOperationException)
        {
            throw new OnnxExportException($"{model.GetType().FullName} fails on a batch of {count} windows ({e.Message}).", e);
        }

        var probabilities = torch.nn.functional.softmax(logits, -1).mean([0], keepdim: true);
        return (logits.contiguous().data<float>().ToArray(), probabilities.contiguous().data<float>().ToArray());
    }

    private static double MaxDifference(float[] actual, float[] expected)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs((double)actual[i] - expected[i]));
        }

        return worst;
    }
}
