namespace GenreML.Inference.Cards;

/// <summary>A model card is missing, malformed, or does not fit the model it describes; the message names the field.</summary>
public sealed class ModelCardException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> (a JSON path such as <c>features.fftSize</c>).</summary>
    public ModelCardException(string source, string field, string reason, Exception? inner = null)
        : base($"{source}: model card field '{field}': {reason}", inner)
    {
        Field = field;
    }

    /// <summary>The card field that is wrong.</summary>
    public string Field { get; }
}
