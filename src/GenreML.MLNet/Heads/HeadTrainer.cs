using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GenreML.MLNet.Heads;

/// <summary>
/// Trains a head of the user's labels on clip embeddings with ML.NET's <c>LbfgsMaximumEntropy</c>: multinomial
/// logistic regression, a linear model whose scores are exactly <c>softmax(W·x + b)</c> (so it becomes one Gemm +
/// Softmax in ONNX), with L2 regularisation against the few examples per label, and deterministic — L-BFGS does
/// not shuffle, unlike SDCA — so the same clips give the same head.
/// </summary>
public static class HeadTrainer
{
    private const string KeyColumn = "LabelKey";
    private const string FeaturesColumn = "Features";
    private const string GroupColumn = "Group";

    /// <summary>
    /// Cross-validates over <paramref name="folds"/> folds (clips of one group never split across folds; groups are
    /// the paths when the user gave none) and returns the metrics, or null when there are too few groups to fold.
    /// <paramref name="grouped"/> records whether the user gave groups.
    /// </summary>
    public static HeadCrossValidation? CrossValidate(EmbeddedClips data, bool grouped, int folds = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ml = new MLContext(seed);
        var (view, labels) = Load(ml, data);
        int groupCount = data.Clips.Select(c => c.Group).Distinct(StringComparer.Ordinal).Count();
        folds = Math.Min(folds, groupCount);
        if (folds < 2)
        {
            return null;
        }

        var results = ml.MulticlassClassification.CrossValidate(view, Trainer(ml), folds, KeyColumn, GroupColumn, seed);
        var confusion = new int[labels.Count, labels.Count];
        foreach (var fold in results)
        {
            var counts = fold.Metrics.ConfusionMatrix.Counts;
            for (int actual = 0; actual < counts.Count; actual++)
            {
                for (int predicted = 0; predicted < counts[actual].Count; predicted++)
                {
                    confusion[actual, predicted] += (int)Math.Round(counts[actual][predicted]);
                }
            }
        }

        return new HeadCrossValidation(
            folds, grouped,
            results.Average(r => r.Metrics.MicroAccuracy), results.Average(r => r.Metrics.MacroAccuracy), results.Average(r => r.Metrics.LogLoss),
            confusion);
    }

    /// <summary>Trains the head on all of <paramref name="data"/>.</summary>
    public static LinearHead Train(EmbeddedClips data, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ml = new MLContext(seed);
        var (view, labels) = Load(ml, data);
        var model = Trainer(ml).Fit(view).Model;
        VBuffer<float>[] rows = [];
        model.GetWeights(ref rows, out int classes);
        if (classes != labels.Count)
        {
            throw new InvalidOperationException($"ML.NET trained {classes} classes for {labels.Count} labels");
        }

        int width = data.Embeddings[0].Length;
        var weights = new float[classes * width];
        for (int k = 0; k < classes; k++)
        {
            rows[k].DenseValues().ToArray().CopyTo(weights, k * width);
        }

        return new LinearHead(labels, weights, model.GetBiases().ToArray(), width);
    }

    private static LbfgsMaximumEntropyMulticlassTrainer Trainer(MLContext ml) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = KeyColumn,
            FeatureColumnName = FeaturesColumn,
            L1Regularization = 0,
            L2Regularization = 1,
            NumberOfThreads = 1,
        });

    private static (IDataView View, IReadOnlyList<string> Labels) Load(MLContext ml, EmbeddedClips data)
    {
        if (data.Clips.Count == 0)
        {
            throw new InvalidOperationException("no clip could be embedded, so there is nothing to train on");
        }

        int width = data.Embeddings[0].Length;
        string[] labels = data.Clips.Select(c => c.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new InvalidOperationException($"only one label ('{labels.Single()}') has clips that could be embedded; a head needs two");
        }

        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => (uint)(p.i + 1), StringComparer.Ordinal);
        var rows = data.Clips.Select((c, i) => new Row { Label = c.Label, LabelKey = index[c.Label], Features = data.Embeddings[i], Group = c.Group });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        schema[nameof(Row.LabelKey)].ColumnType = new KeyDataViewType(typeof(uint), labels.Length);
        return (ml.Data.LoadFromEnumerable(rows, schema), labels);
    }

    private sealed class Row
    {
        public string Label { get; set; } = "";

        public uint LabelKey { get; set; }

        public float[] Features { get; set; } = [];

        public string Group { get; set; } = "";
    }
}
