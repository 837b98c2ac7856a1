namespace GenreML.Inference;

/// <summary>How a <see cref="GenreClassifier"/> runs its model. Every property has a usable default.</summary>
public sealed record GenreClassifierOptions
{
    /// <summary>Threads ONNX Runtime uses inside one operator; null (the default) lets ONNX Runtime choose (one per core).</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>Threads ONNX Runtime uses to run independent operators in parallel; null (the default) lets ONNX Runtime choose.</summary>
    public int? InterOpThreads { get; init; }

    /// <summary>Requested execution device. Default <see cref="ExecutionDevice.Cpu"/>; <see cref="ExecutionDevice.Cuda"/> is opt-in and falls back to the CPU with a warning.</summary>
    public ExecutionDevice Device { get; init; } = ExecutionDevice.Cpu;

    /// <summary>CUDA device ordinal used when <see cref="Device"/> is <see cref="ExecutionDevice.Cuda"/>. Default 0.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>
    /// Most windows sent to the network in one run. Default 8: ONNX Runtime holds every activation of a batch at once
    /// (several MB per window for the shipped model), so this sets the peak memory of any file longer than a few
    /// windows: <c>genreml predict</c> on a 2-hour WAV peaked at 192 MB with 8 and 395 MB with 32 (docs/architecture.md).
    /// </summary>
    public int WindowBatchSize { get; init; } = 8;

    /// <summary>
    /// Mel frames (bytes) a clip may keep from its first pass so that it is decoded only once; a longer clip is decoded
    /// twice to stay in bounded memory (docs/architecture.md, "Long clips in bounded memory"). Default
    /// <see cref="Audio.Features.LogMelStream.KeepBytes"/> (16 MiB, about 12 minutes of audio); 0 decodes every clip twice.
    /// </summary>
    public long SinglePassBytes { get; init; } = Audio.Features.LogMelStream.KeepBytes;

    /// <summary>Whether predictions carry per-window probabilities with start and end times. Default false.</summary>
    public bool IncludeWindows { get; init; }

    /// <summary>
    /// Overrides the card's minimum calibrated confidence below which a result is <c>uncertain</c>; 0 turns
    /// <c>uncertain</c> off. Default null (the card's value).
    /// </summary>
    public double? MinConfidence { get; init; }

    /// <summary>Receives diagnostic messages (such as a GPU fallback) as they happen; they are also kept in <see cref="GenreClassifier.Warnings"/>. Default none.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the wrong one.</summary>
    public void Validate()
    {
        if (IntraOpThreads is < 0)
            throw new ArgumentException($"{nameof(IntraOpThreads)} must be zero or positive (got {IntraOpThreads}).", nameof(IntraOpThreads));
        if (InterOpThreads is < 0)
            throw new ArgumentException($"{nameof(InterOpThreads)} must be zero or positive (got {InterOpThreads}).", nameof(InterOpThreads));
        if (CudaDeviceId < 0)
            throw new ArgumentException($"{nameof(CudaDeviceId)} must be zero or positive (got {CudaDeviceId}).", nameof(CudaDeviceId));
        if (WindowBatchSize <= 0)
            throw new ArgumentException($"{nameof(WindowBatchSize)} must be positive (got {WindowBatchSize}).", nameof(WindowBatchSize));
        if (MinConfidence is double m && !(m >= 0 && m <= 1))
            throw new ArgumentException($"{nameof(MinConfidence)} must be in [0, 1] (got {m}).", nameof(MinConfidence));
        if (SinglePassBytes < 0)
            throw new ArgumentException($"{nameof(SinglePassBytes)} must be zero or positive (got {SinglePassBytes}).", nameof(SinglePassBytes));
        if (!Enum.IsDefined(Device))
            throw new ArgumentException($"{nameof(Device)} {(int)Device} is not a known device.", nameof(Device));
    }
}
