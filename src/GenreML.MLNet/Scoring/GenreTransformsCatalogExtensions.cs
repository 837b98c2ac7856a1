using GenreML.Inference.Cards;
using GenreML.Inference.Loading;
using Microsoft.ML;

namespace GenreML.MLNet.Scoring;

/// <summary>Genre scoring for <see cref="TransformsCatalog"/>: <c>mlContext.Transforms.ScoreGenres(...)</c>.</summary>
public static class GenreTransformsCatalogExtensions
{
    /// <summary>
    /// Loads the genre model of <paramref name="options"/>, holds it to the <see cref="ModelContract"/> with its card
    /// (or <see cref="GenreScoringOptions.Card"/>), checks the card's names against the pipeline's own columns, and returns the
    /// transformer that scores the audio files named by a Path column (one output row per file).
    /// </summary>
    /// <exception cref="FileNotFoundException">The model does not exist.</exception>
    /// <exception cref="ModelCardException">The card is missing or does not match the model.</exception>
    public static GenreScoringTransformer ScoreGenres(this TransformsCatalog catalog, GenreScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelPath, nameof(options));
        if (options.Threads <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"GenreScoringOptions.Threads must be positive (got {options.Threads}).");
        }

        string modelPath = Path.GetFullPath(options.ModelPath);
        ModelCard card = ModelContract.Load(modelPath, options.Card);
        PipelineColumnNames.CheckFree(card, modelPath);
        return new GenreScoringTransformer(catalog, modelPath, card, options);
    }

    /// <summary>The common case: score with <paramref name="modelPath"/> and the card inside it, <paramref name="threads"/> clips at a time.</summary>
    public static GenreScoringTransformer ScoreGenres(this TransformsCatalog catalog, string modelPath, int threads = 1) =>
        catalog.ScoreGenres(new GenreScoringOptions { ModelPath = modelPath, Threads = threads });
}
