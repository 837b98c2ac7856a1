using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
using GenreML.MLNet.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Saving;

/// <summary>
/// The form a genre scorer takes when it is saved: a chain of ML.NET transforms that ML.NET itself can save and load.
/// ML.NET's loader for custom transformers is internal and its <c>CustomMapping</c> is stateless, so the model rides
/// in the data: an <c>Expression</c> transform adds the model (ONNX bytes, card inside, as
/// <see cref="SavedScoringModel"/> text) as a constant column, the <see cref="SavedScoringFactory"/> mapping scores
/// each path with it, <c>MapValueToKey</c> turns the predicted genre into PredictedLabel (a key whose key values are
/// the labels) and adds the <see cref="AudioColumns.Card"/> column, and the helper columns are dropped. The saved
/// file is self-contained: it needs GenreML's assembly, not the ONNX file.
/// </summary>
internal static class SavedScoringPipeline
{
    /// <summary>Builds the chain for <paramref name="model"/> (the ONNX file's bytes) and its <paramref name="card"/>.</summary>
    public static ITransformer Build(TransformsCatalog transforms, byte[] model, ModelCard card, GenreScoringOptions options)
    {
        var data = new MLContext().Data;
        string text = new SavedScoringModel(model, options.MinConfidence).Serialize();
        IDataView labels = data.LoadFromEnumerable(card.Labels.Select(label => new TextRow { Value = label }));
        IDataView cardText = data.LoadFromEnumerable([new TextRow { Value = card.ToJson() }]);
        var chain = transforms.CopyColumns(SavedScoringInput.PathColumn, options.PathColumnName)
            .Append(transforms.Expression(SavedScoringInput.ModelColumn, $"path => \"{text}\"", SavedScoringInput.PathColumn))
            .Append(transforms.CustomMapping(new SavedScoringFactory().GetMapping(), SavedScoringFactory.ContractName))
            .Append(transforms.Conversion.MapValueToKey(AudioColumns.PredictedLabel, SavedScoringOutput.PredictedGenreColumn, keyData: labels))
            .Append(transforms.Conversion.MapValueToKey(AudioColumns.Card, SavedScoringInput.PathColumn, keyData: cardText))
            .Append(transforms.DropColumns(SavedScoringInput.PathColumn, SavedScoringInput.ModelColumn, SavedScoringOutput.PredictedGenreColumn));
        var pathOnly = SchemaDefinition.Create(typeof(TextRow));
        pathOnly[0].ColumnName = options.PathColumnName;
        return chain.Fit(data.LoadFromEnumerable(Array.Empty<TextRow>(), pathOnly));
    }

    private sealed class TextRow
    {
        public string Value { get; set; } = "";
    }
}
