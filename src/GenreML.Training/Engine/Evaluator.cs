using GenreML.Training.Features;
using static TorchSharp.torch;

namespace GenreML.Training.Engine;

/// <summary>Scores clips window by window in evaluation mode and averages window probabilities per clip.</summary>
public static class Evaluator
{
    /// <summary>
    /// Predicts every clip of <paramref name="clips"/> with windows of <paramref name="windowFrames"/> frames
    /// every <paramref name="hop"/> frames (only the first when <paramref name="firstWindowOnly"/>),
    /// in batches of <paramref name="batchSize"/> windows. Leaves the model in evaluation mode.
    /// </summary>
    public static IReadOnlyList<ClipPrediction> Predict(
        nn.Module<Tensor, Tensor> model,
        IReadOnlyList<NormalizedClip> clips,
        int windowFrames,
        int hop,
        bool firstWindowOnly,
        int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clips);
        model.eval();
        var windows = new List<(int Clip, int Start)>();
        for (int c = 0; c < clips.Count; c++)
        {
            foreach (int start in WindowLayout.Starts(clips[c].Frames, windowFrames, hop, firstWindowOnly)) windows.Add((c, start));
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
                    var (c, start) = windows[first + i];
                    var clip = clips[c];
                    WindowLayout.Copy(clip.Data, clip.Bands, clip.Frames, start, windowFrames, buffer.AsSpan(i * bands * windowFrames, bands * windowFrames));
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
            int k = mine[0].Length;
            var mean = new float[k];
            foreach (var row in mine)
            {
                for (int j = 0; j < k; j++) mean[j] += row[j] / mine.Count;
            }

            result.Add(new ClipPrediction(
                clips[c].Clip.Name,
                clips[c].Clip.Path,
                clips[c].LabelIndex,
                ArgMax(mean),
                mean,
                mine.Select(ArgMax).ToArray()));
        }

        return result;
    }

    /// <summary>Index of the largest value (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }

        return best;
    }

    private static int ArgMax(float[] values) => ArgMax(values.AsSpan());
}
