using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// The schema of scored clips: Path (text), Label (key over the card's labels, when the input is labelled),
/// Score (calibrated float[labels], slot names = labels, the card as its <see cref="AudioColumns.Card"/> annotation), PredictedLabel (key), Status (text, see
/// <see cref="Inference.Answers.ResultStatus"/>), Duration (seconds), Windows (int), Error (text), and on request
/// WindowScores (windows × labels window probabilities, a vector of varying length).
/// </summary>
public static class ClipScoreSchema
{
    /// <summary>Builds the schema for <paramref name="card"/>; <paramref name="labelled"/> adds the Label column.</summary>
    public static DataViewSchema Build(ModelCard card, bool labelled) => Build(card, labelled, windowScores: false);

    /// <summary>Builds the schema for <paramref name="card"/>; <paramref name="labelled"/> adds the Label column, <paramref name="windowScores"/> the WindowScores column.</summary>
    public static DataViewSchema Build(ModelCard card, bool labelled, bool windowScores)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Build(card.Labels, labelled, card.ToJson(), windowScores);
    }

    /// <summary>Builds the schema for <paramref name="labels"/>, with the card's JSON as the Score annotation when there is one.</summary>
    internal static DataViewSchema Build(IReadOnlyList<string> labels, bool labelled, string? cardJson, bool windowScores = false)
    {
        int count = labels.Count;
        var keyType = new KeyDataViewType(typeof(uint), count);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(AudioColumns.Path, TextDataViewType.Instance);
        if (labelled)
        {
            builder.AddColumn(AudioColumns.Label, keyType, KeyValues(labels));
        }

        var slotNames = new DataViewSchema.Annotations.Builder();
        slotNames.Add(AnnotationUtilsNames.SlotNames, new VectorDataViewType(TextDataViewType.Instance, count), LabelNames(labels));
        if (cardJson is not null)
        {
            slotNames.Add(AudioColumns.Card, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = cardJson.AsMemory());
        }

        builder.AddColumn(AudioColumns.Score, new VectorDataViewType(NumberDataViewType.Single, count), slotNames.ToAnnotations());
        builder.AddColumn(AudioColumns.PredictedLabel, keyType, KeyValues(labels));
        builder.AddColumn(AudioColumns.Status, TextDataViewType.Instance);
        builder.AddColumn(AudioColumns.Duration, NumberDataViewType.Double);
        builder.AddColumn(AudioColumns.Windows, NumberDataViewType.Int32);
        builder.AddColumn(AudioColumns.Error, TextDataViewType.Instance);
        if (windowScores)
        {
            builder.AddColumn(AudioColumns.WindowScores, new VectorDataViewType(NumberDataViewType.Single));
        }

        return builder.ToSchema();
    }

    private static DataViewSchema.Annotations KeyValues(IReadOnlyList<string> labels)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(AnnotationUtilsNames.KeyValues, new VectorDataViewType(TextDataViewType.Instance, labels.Count), LabelNames(labels));
        return annotations.ToAnnotations();
    }

    private static class AnnotationUtilsNames
    {
        public const string SlotNames = "SlotNames";
        public const string KeyValues = "KeyValues";
    }

    private static ValueGetter<VBuffer<ReadOnlyMemory<char>>> LabelNames(IReadOnlyList<string> labels)
    {
        ReadOnlyMemory<char>[] names = labels.Select(l => l.AsMemory()).ToArray();
        return (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(names.Length, (ReadOnlyMemory<char>[])names.Clone());
    }
}
