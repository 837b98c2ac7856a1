namespace GenreML.Inference.Cards;

/// <summary>Where a model came from: enough to reproduce it and to judge its figures.</summary>
public sealed record TrainingProvenance
{
    /// <summary>What it was trained on, e.g. "GTZAN dev, 237 clips".</summary>
    public string? Data { get; init; }

    /// <summary>How the data was split, e.g. "stratified 70/15/15, seed 1" or a split file's name.</summary>
    public string? Split { get; init; }

    /// <summary>Clips per label used for training.</summary>
    public IReadOnlyDictionary<string, int>? TrainCounts { get; init; }

    /// <summary>Epochs trained (the kept checkpoint's epoch).</summary>
    public int? Epochs { get; init; }

    /// <summary>Headline metrics of the kept model, e.g. validation accuracy.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    /// <summary>The command line that produced the model.</summary>
    public string? Command { get; init; }

    /// <summary>The source commit of GenreML that trained it, when known.</summary>
    public string? Commit { get; init; }

    /// <summary>When training finished (UTC, ISO 8601).</summary>
    public string? CreatedUtc { get; init; }
}
