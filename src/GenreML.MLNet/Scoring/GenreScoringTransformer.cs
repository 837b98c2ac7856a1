using GenreML.Audio.Features;
using GenreML.Inference;
using GenreML.Inference.Cards;
using GenreML.Inference.Loading;
using GenreML.Inference.Running;
using GenreML.MLNet.Data;
using GenreML.MLNet.Saving;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// Scores audio clips with an ONNX genre model: audio paths → log-Mel windows exactly as the card says
/// (the shared <see cref="ClipFeaturizer"/> and <see cref="SpectrogramWindows.Cut"/>), several clips featurised ahead on
/// worker tasks while the network runs → windows of several clips in one ONNX Runtime run (one session, batches of
/// <see cref="GenreScoringOptions.WindowBatchSize"/>) → one row per clip with the mean window probabilities, calibrated,
/// and the clip's status (<see cref="ClipScoreSchema"/>).
/// The output has a row per input row, in order. Nothing is trained, so there is no estimator: the
/// catalog method loads and checks the model and returns this transformer. Dispose it to release the ONNX Runtime session.
/// <c>mlContext.Model.Save</c> saves it in a savable form that loads in any process (see <see cref="ICanSaveModel.Save"/>).
/// </summary>
public sealed class GenreScoringTransformer : ITransformer, IDisposable
{
    private readonly GenreScoringOptions _options;
    private readonly ClipFeaturizer _featurizer;
    private readonly InferenceSession _session;
    private readonly WindowRunner _runner;
    private readonly TransformsCatalog _transforms;
    private ITransformer? _savable;

    internal GenreScoringTransformer(TransformsCatalog transforms, string modelPath, ModelCard card, GenreScoringOptions options)
    {
        ModelPath = modelPath;
        Card = card;
        _options = options;
        _transforms = transforms;
        ArgumentOutOfRangeException.ThrowIfNegative(options.SinglePassBytes);
        _featurizer = new ClipFeaturizer(card.Features, options.SinglePassBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WindowBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.IntraOpThreads);
        var warnings = new List<string>();
        _session = SessionFactory.Open(
            File.ReadAllBytes(modelPath), modelPath, new GenreClassifierOptions { IntraOpThreads = options.IntraOpThreads, InterOpThreads = 1 }, warnings, out _);
        _runner = new WindowRunner(_session, card);
    }

    /// <summary>Full path of the ONNX model.</summary>
    public string ModelPath { get; }

    /// <summary>The card the model is scored with, checked against the graph by <see cref="Inference.Loading.ModelContract"/>.</summary>
    public ModelCard Card { get; }

    /// <summary>False: one output row per clip, not per window, so this is not a row-to-row mapper.</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>The scored-clip schema for <paramref name="inputSchema"/>, after checking its path and label columns.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        (_, int label) = InputColumns.Find(inputSchema, _options);
        return ClipScoreSchema.Build(Card, label >= 0, _options.IncludeWindows);
    }

    /// <summary>Not available: windows are folded into clips, which a row-to-row mapper cannot do.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new InvalidOperationException("GenreScoringTransformer folds windows into clips and has no row-to-row mapper; use Transform.");

    /// <summary>Lazily scores every clip of <paramref name="input"/>; see <see cref="ClipScoreSchema"/> for the columns.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ClipScoreView(input, Card, _featurizer, _runner, _options);
    }

    /// <summary>
    /// Saves the scorer as its savable form (<see cref="SavedScoringPipeline"/>: standard ML.NET transforms plus GenreML's
    /// registered custom mapping, the ONNX model inside), which <c>mlContext.AddGenreML()</c> then <c>mlContext.Model.Load</c>
    /// rebuilds in any process. The loaded pipeline gives the same Score (calibrated, in label order), Status,
    /// PredictedLabel, Duration, Windows and Error per clip, by the same code as the embeddable classifier; its Score
    /// vector has no stated size or slot names (the labels are PredictedLabel's key values and the card is
    /// <see cref="Microsoft.ML.GenreSchemaExtensions.GetGenreCard"/>'s), and a text Label column passes through as text.
    /// </summary>
    /// <exception cref="NotSupportedException">The scorer was given a card other than its model's (<see cref="GenreScoringOptions.Card"/>).</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        if (_options.Card is not null)
        {
            throw new NotSupportedException(
                $"This scorer uses a card given in GenreScoringOptions.Card rather than the one inside '{ModelPath}'; a saved pipeline carries the model file and reads its own card, so write the card into the model first.");
        }

        _savable ??= SavedScoringPipeline.Build(_transforms, File.ReadAllBytes(ModelPath), Card, _options);
        _savable.Save(ctx);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();
}
