namespace GenreML.Onnx.Building;

/// <summary>One dimension of a graph input or output: a fixed size or a named symbol (e.g. <c>"N"</c>).</summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long? value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or <c>null</c> for a symbolic dimension.</summary>
    public long? Value { get; }

    /// <summary>The symbol name, or <c>null</c> for a fixed dimension.</summary>
    public string? Symbol { get; }

    /// <summary>A fixed dimension.</summary>
    /// <param name="value">The size, at least 1.</param>
    public static OnnxDim Fixed(long value) =>
        value >= 1 ? new OnnxDim(value, null) : throw new ArgumentOutOfRangeException(nameof(value), value, "A fixed ONNX dimension must be at least 1.");

    /// <summary>A symbolic (dynamic) dimension, e.g. the batch size <c>"N"</c>.</summary>
    /// <param name="symbol">The non-empty symbol name.</param>
    public static OnnxDim Symbolic(string symbol) =>
        !string.IsNullOrWhiteSpace(symbol) ? new OnnxDim(null, symbol) : throw new ArgumentException("A symbolic ONNX dimension needs a non-empty name.", nameof(symbol));

    /// <summary>The size, or the symbol name.</summary>
    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
