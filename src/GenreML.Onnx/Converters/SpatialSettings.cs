namespace GenreML.Onnx.Converters;

/// <summary>Reads TorchSharp's 2-D hyper-parameter arrays (one value meaning both axes, null meaning the default).</summary>
internal static class SpatialSettings
{
    /// <summary>The (height, width) pair of <paramref name="values"/>, or <paramref name="fallback"/> on both axes when null.</summary>
    public static long[] Pair(long[]? values, long[] fallback) => values switch
    {
        null or [] => fallback,
        [var both] => [both, both],
        [var h, var w] => [h, w],
        _ => throw new ArgumentException($"Expected one or two values, got [{string.Join(", ", values)}]."),
    };

    /// <summary>ONNX <c>pads</c> for symmetric padding: [top, left, bottom, right].</summary>
    public static long[] SymmetricPads(long[] padding) => [padding[0], padding[1], padding[0], padding[1]];
}
