namespace GenreML.Inference.Cards;

/// <summary>
/// The card's note that the network runs on 8-bit integers, written by <c>genreml quantize</c>: how it was
/// quantised, on what, and how closely it follows the float model it came from. Absent on float models.
/// </summary>
public sealed record QuantizationInfo
{
    /// <summary>The scheme GenreML writes: int8 weights per output channel, uint8 activations per tensor, ranges = min/max over the calibration windows, ONNX QDQ form.</summary>
    public const string Int8Qdq = "int8-qdq";

    /// <summary>The quantisation scheme, <see cref="Int8Qdq"/>.</summary>
    public string Scheme { get; init; } = Int8Qdq;

    /// <summary>The float model it was made from (file name and the start of its SHA-256).</summary>
    public string? SourceModel { get; init; }

    /// <summary>Clips whose windows gave the activation ranges.</summary>
    public int CalibrationClips { get; init; }

    /// <summary>Windows those clips gave.</summary>
    public int CalibrationWindows { get; init; }

    /// <summary>Clips (not among the calibration clips when there were enough) on which both models were compared.</summary>
    public int CheckedClips { get; init; }

    /// <summary>Share of <see cref="CheckedClips"/> whose top genre is the float model's.</summary>
    public double TopGenreAgreement { get; init; }

    /// <summary>Largest difference of any genre's clip probability between the two models over the checked clips.</summary>
    public double MaxProbabilityDifference { get; init; }
}
