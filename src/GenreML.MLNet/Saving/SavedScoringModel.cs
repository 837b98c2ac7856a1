using System.Globalization;

namespace GenreML.MLNet.Saving;

/// <summary>
/// The model a saved scoring pipeline carries: the ONNX file's bytes (card inside) and the minimum-confidence
/// override, written as one line of text, <c>genreml.saved-scoring/1|&lt;min confidence or empty&gt;|&lt;base64 ONNX&gt;</c>,
/// that the pipeline holds as a constant column (ML.NET's custom mappings are stateless, so the state rides in the
/// data). The text has no quote or backslash, so it is a plain string literal of ML.NET's expression language.
/// </summary>
internal sealed record SavedScoringModel(byte[] Model, double? MinConfidence)
{
    private const string Format = "genreml.saved-scoring/1";

    /// <summary>The one-line text form.</summary>
    public string Serialize() =>
        string.Join('|', Format, MinConfidence?.ToString("R", CultureInfo.InvariantCulture) ?? "", Convert.ToBase64String(Model));

    /// <summary>Reads the text <see cref="Serialize"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The text is not a saved GenreML model of this format.</exception>
    public static SavedScoringModel Parse(ReadOnlySpan<char> text)
    {
        int first = text.IndexOf('|');
        int second = first < 0 ? -1 : text[(first + 1)..].IndexOf('|') + first + 1;
        if (first < 0 || second <= first || !text[..first].SequenceEqual(Format))
        {
            string start = text[..Math.Min(text.Length, 40)].ToString();
            throw new InvalidDataException(
                $"The saved pipeline's '{SavedScoringInput.ModelColumn}' column is not a GenreML model of format {Format} (it starts '{start}'); save the pipeline again with this version of GenreML.");
        }

        ReadOnlySpan<char> confidence = text[(first + 1)..second];
        double? minConfidence = confidence.IsEmpty ? null : double.Parse(confidence, NumberStyles.Float, CultureInfo.InvariantCulture);
        byte[] model = Convert.FromBase64String(text[(second + 1)..].ToString());
        return new SavedScoringModel(model, minConfidence);
    }
}
