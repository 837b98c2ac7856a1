namespace GenreML.Inference.Batch;

/// <summary>How <see cref="GenreClassifier.ClassifyMany"/> spreads work over the machine.</summary>
public sealed record BatchOptions
{
    /// <summary>Files decoded and featurised at the same time. Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Most windows sent to the network in one run; null (the default) uses the classifier's <see cref="GenreClassifierOptions.WindowBatchSize"/>.</summary>
    public int? WindowBatchSize { get; init; }

    /// <summary>
    /// Called once per file as soon as it is done (successfully or not), on the worker thread that did it and
    /// so possibly from several threads at once; files finish in no particular order. Use it for progress
    /// bars. Default none.
    /// </summary>
    public Action<ClassificationOutcome>? Completed { get; init; }

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the wrong one.</summary>
    public void Validate()
    {
        if (MaxDegreeOfParallelism <= 0)
            throw new ArgumentException($"{nameof(MaxDegreeOfParallelism)} must be positive (got {MaxDegreeOfParallelism}).", nameof(MaxDegreeOfParallelism));
        if (WindowBatchSize is <= 0)
            throw new ArgumentException($"{nameof(WindowBatchSize)} must be positive (got {WindowBatchSize}).", nameof(WindowBatchSize));
    }
}
