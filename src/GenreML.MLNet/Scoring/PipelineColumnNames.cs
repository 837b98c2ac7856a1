using GenreML.Inference.Cards;
using GenreML.MLNet.Data;

namespace GenreML.MLNet.Scoring;

/// <summary>The scoring pipeline's own column names, which a model's input and probabilities output must not take.</summary>
internal static class PipelineColumnNames
{
    private static readonly string[] Reserved = [AudioColumns.ClipIndex, AudioColumns.Path, AudioColumns.Label, AudioColumns.Duration, AudioColumns.Error];

    /// <summary>Throws <see cref="ModelCardException"/> when <paramref name="card"/> names its input or probabilities output after a pipeline column.</summary>
    public static void CheckFree(ModelCard card, string source)
    {
        if (Reserved.Contains(card.InputName, StringComparer.Ordinal) || Reserved.Contains(card.ProbabilitiesOutput, StringComparer.Ordinal))
        {
            throw new ModelCardException(source, "inputName", $"the names {string.Join(", ", Reserved)} are the scoring pipeline's own columns and cannot name the model's input or probabilities output");
        }
    }
}
