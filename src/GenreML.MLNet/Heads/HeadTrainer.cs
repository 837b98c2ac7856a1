using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace GenreML.MLNet.Heads;

/// <summary>
/// Trains a head of the user's labels on clip embeddings with ML.NET: <c>NormalizeMeanVariance</c> (each embedding
/// value centred and scaled by its mean and standard deviation over the training clips: pooled ReLU features differ in
/// scale by orders of magnitude, and one L2 weight only means the same thing for every value once they share a scale),
/// then <c>LbfgsMaximumEntropy</c>: multinomial logistic regression, a linear model whose scores are exactly
/// <c>softmax(W·x + b)</c>, with L2 regularisation against the few examples per label, and deterministic — L-BFGS does
/// not shuffle, unlike SDCA — so the same clips give the same head. The standardisation is folded into W and b, so
/// the head stays one Gemm + Softmax in ONNX. The L2 weight is chosen among <see cref="L2Candidates"/> by
/// cross-validation on the training clips (<see cref="ChooseL2"/>).
/// </summary>
public static class HeadTrainer
{
    /// <summary>The L2 weights <see cref="ChooseL2"/> tries.</summary>
    public static readonly IReadOnlyList<float> L2Candidates = [0.01f, 0.1f, 1f, 10f, 100f];

    /// <summary>The L2 weight used when there are too few groups to cross-validate.</summary>
    public const float DefaultL2 = 1f;

    private const string KeyColumn = "LabelKey";
    private const string FeaturesColumn = "Features";
    private const string GroupColumn = "Group";

    /// <summary>
    /// Cross-validates over <paramref name="folds"/> folds (clips of one group never split across folds; groups are
    /// the paths when the user gave none; the standardisation is fitted on each fold's training part) with the L2
    /// weight <paramref name="l2"/> (null: <see cref="ChooseL2"/>'s, so the figures are those of the best candidate and
    /// slightly optimistic) and returns the metrics, or null when there are too few groups to fold.
    /// <paramref name="grouped"/> records whether the user gave groups.
    /// </summary>
    public static HeadCrossValidation? CrossValidate(EmbeddedClips data, bool grouped, int folds = 5, int seed = 1, float? l2 = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ml = new MLContext(seed);
        var (view, labels) = Load(ml, data);
        folds = Math.Min(folds, GroupCount(data));
        if (folds < 2)
        {
            return null;
        }

        float weight = l2 ?? ChooseL2(data, folds, seed);
        var results = ml.MulticlassClassification.CrossValidate(view, Estimator(ml, weight), folds, KeyColumn, GroupColumn, seed);
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
            confusion)
        { L2 = weight };
    }

    /// <summary>
    /// The L2 weight of <see cref="L2Candidates"/> with the lowest grouped cross-validated log-loss on
    /// <paramref name="data"/> (a smoother criterion than accuracy, which moves in steps of one clip when there are few;
    /// ties: the higher accuracy, then the larger weight); <see cref="DefaultL2"/> when there are fewer than two groups.
    /// </summary>
    public static float ChooseL2(EmbeddedClips data, int folds = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        folds = Math.Min(folds, GroupCount(data));
        if (folds < 2)
        {
            return DefaultL2;
        }

        var ml = new MLContext(seed);
        var (view, _) = Load(ml, data);
        return L2Candidates
            .Select(l2 =>
            {
                var results = ml.MulticlassClassification.CrossValidate(view, Estimator(ml, l2), folds, KeyColumn, GroupColumn, seed);
                return (l2, accuracy: results.Average(r => r.Metrics.MicroAccuracy), logLoss: results.Average(r => r.Metrics.LogLoss));
            })
            .ToList()
            .OrderBy(c => Math.Round(c.logLoss, 9))
            .ThenByDescending(c => Math.Round(c.accuracy, 9))
            .ThenByDescending(c => c.l2)
            .First().l2;
    }

    /// <summary>Trains the head on all of <paramref name="data"/> with the L2 weight <paramref name="l2"/> (null: <see cref="ChooseL2"/>'s).</summary>
    public static LinearHead Train(EmbeddedClips data, float? l2 = null, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        float weight = l2 ?? ChooseL2(data, seed: seed);
        var ml = new MLContext(seed);
        var (view, labels) = Load(ml, data);
        var chain = Estimator(ml, weight).Fit(view);
        var model = chain.LastTransformer.Model;
        VBuffer<float>[] rows = [];
        model.GetWeights(ref rows, out int classes);
        if (classes != labels.Count)
        {
            throw new InvalidOperationException($"ML.NET trained {classes} classes for {labels.Count} labels");
        }

        int width = data.Embeddings[0].Length;
        var normalizer = (NormalizingTransformer)chain.First();
        var affine = (NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>>)normalizer.GetNormalizerModelParameters(0);
        float[] scale = Expand(affine.Scale, width, 1f);
        float[] offset = Expand(affine.Offset, width, 0f);

        // softmax(W · ((x − offset) ⊙ scale) + b) = softmax(W' · x + b') with W'[k, d] = W[k, d] · scale[d] and
        // b'[k] = b[k] − Σ_d W'[k, d] · offset[d]: the standardisation folded into the one Gemm.
        float[] biases = model.GetBiases().ToArray();
        var weights = new float[classes * width];
        for (int k = 0; k < classes; k++)
        {
            float[] w = rows[k].DenseValues().ToArray();
            double shift = 0;
            for (int d = 0; d < width; d++)
            {
                weights[(k * width) + d] = w[d] * scale[d];
                shift += (double)weights[(k * width) + d] * offset[d];
            }

            biases[k] = (float)(biases[k] - shift);
        }

        return new LinearHead(labels, weights, biases, width) { L2 = weight };
    }

    private static float[] Expand(ImmutableArray<float> values, int width, float missing) =>
        values.IsDefaultOrEmpty ? Enumerable.Repeat(missing, width).ToArray()
        : values.Length == width ? values.ToArray()
        : throw new InvalidOperationException($"ML.NET's normaliser has {values.Length} values for {width} embedding values");

    private static int GroupCount(EmbeddedClips data) => data.Clips.Select(c => c.Group).Distinct(StringComparer.Ordinal).Count();

    private static IEstimator<TransformerChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>> Estimator(MLContext ml, float l2) =>
        ml.Transforms.NormalizeMeanVariance(FeaturesColumn, fixZero: false)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = KeyColumn,
                FeatureColumnName = FeaturesColumn,
                L1Regularization = 0,
                L2Regularization = l2,
                NumberOfThreads = 1,
            }));

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

        // LoadFromEnumerable reads a key-typed uint member as the 0-based index of the key (it stores index + 1, and a
        // value past the last key becomes the missing key 0), so the label's index goes in as it is.
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => (uint)p.i, StringComparer.Ordinal);
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
