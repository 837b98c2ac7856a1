using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Scoring;

/// <summary>Finds and checks the path and label columns of a scoring input.</summary>
internal static class InputColumns
{
    /// <summary>
    /// The index of the text path column and of the text label column (−1 when there is none).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The path column is missing.</exception>
    /// <exception cref="ArgumentException">The path or label column is not text.</exception>
    public static (int Path, int Label) Find(DataViewSchema schema, GenreScoringOptions options)
    {
        DataViewSchema.Column path = schema.GetColumnOrNull(options.PathColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(schema),
                $"Input column '{options.PathColumnName}' (audio file paths) not found; the input has: {Names(schema)}.");
        RequireText(path, "audio file paths");
        int label = -1;
        if (schema.GetColumnOrNull(options.LabelColumnName) is { } labelColumn)
        {
            RequireText(labelColumn, "genre names");
            label = labelColumn.Index;
        }

        return (path.Index, label);
    }

    private static void RequireText(DataViewSchema.Column column, string role)
    {
        if (column.Type is not TextDataViewType)
        {
            throw new ArgumentException($"Input column '{column.Name}' ({role}) must be text, but it is {column.Type}.");
        }
    }

    private static string Names(DataViewSchema schema) =>
        schema.Count == 0 ? "no columns" : string.Join(", ", schema.Select(c => $"'{c.Name}'"));
}
