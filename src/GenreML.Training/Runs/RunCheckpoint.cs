using GenreML.Core.Runs;
using GenreML.Inference.Cards;
using GenreML.Training.Engine;
using GenreML.Training.Models;
using static TorchSharp.torch;

namespace GenreML.Training.Runs;

/// <summary>
/// A trained network rebuilt from a run folder: its <c>options.json</c> (architecture and width),
/// <c>card.json</c> (labels, features, window) and a weights file (<c>best.weights</c> unless another is named).
/// </summary>
public sealed class RunCheckpoint : IDisposable
{
    private RunCheckpoint(nn.Module<Tensor, Tensor> model, ModelCard card, string weightsPath)
    {
        Model = model;
        Card = card;
        WeightsPath = weightsPath;
    }

    /// <summary>The network in evaluation mode with the weights loaded.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The run's model card.</summary>
    public ModelCard Card { get; }

    /// <summary>The weights file that was loaded.</summary>
    public string WeightsPath { get; }

    /// <summary>
    /// Loads <paramref name="path"/>: a run folder (its best weights) or a weights file inside one.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is missing or malformed; the message names it.</exception>
    public static RunCheckpoint Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        (string folder, string weights) = Directory.Exists(full)
            ? (full, Path.Combine(full, RunFolder.BestWeightsFile))
            : (Path.GetDirectoryName(full) ?? ".", full);
        string optionsPath = Path.Combine(folder, RunFolder.OptionsFile);
        string cardPath = Path.Combine(folder, RunFolder.CardFile);
        foreach (string required in new[] { weights, optionsPath, cardPath })
        {
            if (!File.Exists(required))
            {
                throw new InvalidDataException($"{required}: missing; give a run folder written by 'genreml train' or a weights file inside one");
            }
        }

        TrainingOptions options = TrainingOptions.FromJson(File.ReadAllText(optionsPath), optionsPath);
        ModelCard card;
        try
        {
            card = ModelCard.FromJson(File.ReadAllText(cardPath), cardPath);
        }
        catch (ModelCardException e)
        {
            throw new InvalidDataException(e.Message, e);
        }

        nn.Module<Tensor, Tensor> model = options.EnsembleMembers == 1
            ? ModelFactory.Create(options.Architecture, card.Labels.Count, card.Features.MelBands, card.WindowFrames, options.Width, options.Head)
            : new EnsembleNet(Enumerable.Range(0, options.EnsembleMembers)
                .Select(_ => ModelFactory.Create(options.Architecture, card.Labels.Count, card.Features.MelBands, card.WindowFrames, options.Width, options.Head))
                .ToArray());
        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            model.Dispose();
            throw new InvalidDataException($"{weights}: cannot be loaded into a '{options.Architecture}' network of width {options.Width}{(options.EnsembleMembers > 1 ? $" (ensemble of {options.EnsembleMembers})" : "")} ({e.Message})", e);
        }

        model.eval();
        return new RunCheckpoint(model, card, weights);
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
