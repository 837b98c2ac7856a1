using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>The model card of scored genres, from the ML.NET side: <c>scored.Schema.GetGenreCard()</c>. In namespace <c>Microsoft.ML</c>, like GenreML's catalog methods.</summary>
public static class GenreSchemaExtensions
{
    /// <summary>
    /// The card (labels, feature settings, calibration) of the model that scored a view with this schema: the output of
    /// <c>ScoreGenres</c> or of a saved and reloaded pipeline that contains it (see <see cref="AudioColumns.Card"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema is not the output of GenreML scoring.</exception>
    public static ModelCard GetGenreCard(this DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.GetColumnOrNull(AudioColumns.Score) is { } score
            && score.Annotations.Schema.GetColumnOrNull(AudioColumns.Card) is { Type: TextDataViewType })
        {
            ReadOnlyMemory<char> json = default;
            score.Annotations.GetValue(AudioColumns.Card, ref json);
            return ModelCard.FromJson(json.ToString(), $"the '{AudioColumns.Score}' column's {AudioColumns.Card} annotation");
        }

        if (schema.GetColumnOrNull(AudioColumns.Card) is { Type: KeyDataViewType } card
            && card.HasKeyValues())
        {
            VBuffer<ReadOnlyMemory<char>> values = default;
            card.GetKeyValues(ref values);
            if (values.Length == 1)
            {
                return ModelCard.FromJson(values.GetItemOrDefault(0).ToString(), $"the key value of column '{AudioColumns.Card}'");
            }
        }

        throw new InvalidOperationException(
            $"The schema has no GenreML model card (neither a '{AudioColumns.Card}' annotation on '{AudioColumns.Score}' nor a '{AudioColumns.Card}' key column); it is not the output of genre scoring.");
    }
}
