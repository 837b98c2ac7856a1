using GenreML.Inference.Results;

namespace GenreML.Inference.Batch;

/// <summary>What happened to one file of a batch: its prediction, or why it could not be classified.</summary>
public sealed record ClassificationOutcome
{
    /// <summary>The file, as given.</summary>
    public required string Path { get; init; }

    /// <summary>The prediction; null when the file failed.</summary>
    public GenrePrediction? Prediction { get; init; }

    /// <summary>Why the file failed (the exception's message, which names the file); null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The exception behind <see cref="Error"/>; null on success.</summary>
    public Exception? Exception { get; init; }

    /// <summary>Whether the file was classified.</summary>
    public bool Succeeded => Prediction is not null;
}
