using GenreML.Audio.Features;
using GenreML.Inference.Results;
using GenreML.Training.Features;
using static TorchSharp.torch;

namespace GenreML.Training.Engine;

/// <summary>Scores clips window by window in evaluation mode and averages window probabilities per clip.</summary>
internal static class Evaluator
{
    /// <summary>
    /// Predicts every clip of <paramref name="clips"/> with windows of <paramref name="windowFrames"/> frames
    /// every <paramref name="hop"/> frames, cut exactly as <see cref="SpectrogramWindows.Cut"/> cuts them for
    /// inference (the last window padded), in batches of <paramref name="batchSize"/> windows, so the figures
    /// a run reports are the ones the exported model gives. Leaves the model in evaluation mode.
    /// </summary>
    public static IReadOnlyList<ClipPrediction> Predict(
        nn.Module<Tensor, Tensor> model,
        IReadOnlyList<NormalizedClip> clips,
        int windowFrames,
        int hop,
        int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clips);
        model.eval();
        var windows = new List<(int Clip, float[] Values)>();
        for (int c = 0; c < clips.Count; c++)
        {
            // The same windows every inference path cuts (SpectrogramWindows); the pad value, the clip's
            // minimum, commutes with the affine normalisation, so cutting normalised data is exact.
            var spectrogram = new Spectrogram(clips[c].Data, clips[c].Bands, clips[c].Frames);
            foreach (float[] window in SpectrogramWindows.Cut(spectrogram, windowFrames, hop)) windows.Add((c, window));
        }

        var probabilities = new float[windows.Count][];
        using (no_grad())
        {
            for (int first = 0; first < windows.Count; first += batchSize)
            {
                int n = Math.Min(batchSize, windows.Count - first);
                int bands = clips[windows[first].Clip].Bands;
                var buffer = new float[n * bands * windowFrames];
                for (int i = 0; i < n; i++)
                {
                    windows[first + i].Values.CopyTo(buffer.AsSpan(i * bands * windowFrames, bands * windowFrames));
                }

                using var scope = NewDisposeScope();
                var input = tensor(buffer, [n, 1, bands, windowFrames]);
                var p = nn.functional.softmax(model.forward(input), 1);
                float[] flat = p.data<float>().ToArray();
                int k = (int)p.shape[1];
                for (int i = 0; i < n; i++) probabilities[first + i] = flat.AsSpan(i * k, k).ToArray();
            }
        }

        var result = new List<ClipPrediction>(clips.Count);
        int w = 0;
        for (int c = 0; c < clips.Count; c++)
        {
            var mine = new List<float[]>();
            while (w < windows.Count && windows[w].Clip == c) mine.Add(probabilities[w++]);
            float[] mean = ClipAggregation.Mean(mine);

            result.Add(new ClipPrediction(
                clips[c].Clip.Name,
                clips[c].Clip.Path,
                clips[c].LabelIndex,
                ClipAggregation.ArgMax(mean),
                mean,
                mine.Select(p => ClipAggregation.ArgMax(p)).ToArray()));
        }

        return result;
    }

    /// <summary>
    /// Prediction-time augmentation: <see cref="Predict"/> on the clips and on each of their
    /// <see cref="NormalizedClip.Variants"/>, every clip's probabilities averaged over its versions with equal weight.
    /// The window predictions are the original's.
    /// </summary>
    public static IReadOnlyList<ClipPrediction> PredictAugmented(
        nn.Module<Tensor, Tensor> model,
        IReadOnlyList<NormalizedClip> clips,
        int windowFrames,
        int hop,
        int batchSize)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var original = Predict(model, clips, windowFrames, hop, batchSize);
        var sums = original.Select(p => p.Probabilities.Select(v => (double)v).ToArray()).ToArray();
        var versions = Enumerable.Repeat(1, clips.Count).ToArray();
        int most = clips.Count == 0 ? 0 : clips.Max(c => c.Variants.Count);
        for (int k = 0; k < most; k++)
        {
            int[] owners = Enumerable.Range(0, clips.Count).Where(c => clips[c].Variants.Count > k).ToArray();
            var predicted = Predict(model, owners.Select(c => clips[c].Variants[k]).ToArray(), windowFrames, hop, batchSize);
            for (int i = 0; i < owners.Length; i++)
            {
                for (int j = 0; j < sums[owners[i]].Length; j++) sums[owners[i]][j] += predicted[i].Probabilities[j];
                versions[owners[i]]++;
            }
        }

        return original.Select((p, c) =>
        {
            float[] mean = sums[c].Select(v => (float)(v / versions[c])).ToArray();
            return p with { Probabilities = mean, PredictedIndex = ClipAggregation.ArgMax(mean) };
        }).ToArray();
    }
}
