using GenreML.Core.Runs;
using GenreML.Inference.Cards;
using GenreML.Training.Engine;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Training.Runs;

/// <summary>
/// Fine-tuning (<c>train --init &lt;run folder&gt;</c>): starts a network from the kept weights of an earlier run
/// (<c>best.weights</c>) instead of random ones. Every layer is taken over; the final Linear layer too when the labels
/// are the same in the same order, otherwise it starts fresh for the new labels. The earlier run's input
/// normalisation is kept, since its first layer was trained on that scale.
/// </summary>
internal sealed class InitialWeights
{
    private InitialWeights(string folder, ModelCard card)
    {
        Folder = folder;
        Card = card;
    }

    /// <summary>The run folder the weights come from.</summary>
    public string Folder { get; }

    /// <summary>That run's card (labels, normalisation).</summary>
    public ModelCard Card { get; }

    /// <summary>Reads the run folder <paramref name="folder"/>; throws <see cref="InvalidDataException"/> naming what is missing or does not fit.</summary>
    public static InitialWeights Open(string folder, TrainingOptions options)
    {
        if (File.Exists(folder) && folder.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"--init {folder}: an ONNX model has its batch normalisation folded into the convolutions, so it cannot be trained further; give the run folder that holds its best.weights");
        }

        foreach (string file in new[] { RunFolder.BestWeightsFile, RunFolder.CardFile, RunFolder.OptionsFile })
        {
            if (!File.Exists(Path.Combine(folder, file)))
            {
                throw new InvalidDataException($"--init {folder}: not a training run folder (no {file})");
            }
        }

        var card = ModelCard.FromJson(File.ReadAllText(Path.Combine(folder, RunFolder.CardFile)), Path.Combine(folder, RunFolder.CardFile));
        var earlier = TrainingOptions.FromJson(File.ReadAllText(Path.Combine(folder, RunFolder.OptionsFile)), Path.Combine(folder, RunFolder.OptionsFile));
        if (earlier.Architecture != options.Architecture || earlier.Width != options.Width || earlier.Head != options.Head)
        {
            throw new InvalidDataException(
                $"--init {folder}: that run trained --arch {earlier.Architecture} --width {earlier.Width} --head {earlier.Head.ToString().ToLowerInvariant()}, " +
                $"this one asks for --arch {options.Architecture} --width {options.Width} --head {options.Head.ToString().ToLowerInvariant()}; give the same network options");
        }

        return new InitialWeights(folder, card);
    }

    /// <summary>Loads the weights into <paramref name="model"/>; returns a line for the log saying what was taken over.</summary>
    public string LoadInto(nn.Module<Tensor, Tensor> model, IReadOnlyList<string> labels)
    {
        bool sameLabels = Card.Labels.SequenceEqual(labels, StringComparer.Ordinal);
        var skip = new List<string>();
        if (!sameLabels)
        {
            string classifier = model.named_modules().Last(m => m.module is Linear).name;
            skip.Add($"{classifier}.weight");
            skip.Add($"{classifier}.bias");
        }

        model.load(Path.Combine(Folder, RunFolder.BestWeightsFile), strict: sameLabels, skip: skip);
        return sameLabels
            ? $"init: every layer from {Folder} (same labels)"
            : $"init: every layer but the classifier from {Folder} (its labels {string.Join(", ", Card.Labels)} differ; the classifier starts fresh)";
    }
}
