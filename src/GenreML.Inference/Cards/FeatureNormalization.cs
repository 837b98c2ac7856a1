namespace GenreML.Inference.Cards;

/// <summary>The affine map applied to every log-Mel value before the network: <c>(x - Mean) / Std</c>.</summary>
public sealed record FeatureNormalization
{
    /// <summary>Value subtracted (dB). Default 0.</summary>
    public float Mean { get; init; }

    /// <summary>Value divided by (dB), positive. Default 1.</summary>
    public float Std { get; init; } = 1f;
}
