using System.Text.Json;
using System.Text.Json.Serialization;
using GenreML.Audio.Features;

namespace GenreML.Inference.Cards;

/// <summary>
/// Everything needed to use a genre model correctly: its labels in output order, the exact feature
/// settings it was trained with, the window it reads, the input normalisation and how window
/// predictions combine into one clip prediction. Stored as <c>card.json</c> beside a model and inside
/// the ONNX file's <c>metadata_props</c> under <see cref="MetadataKey"/>, so one file is self-describing.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The ONNX metadata key that holds the card's JSON.</summary>
    public const string MetadataKey = "genreml.card";

    /// <summary>The card format this code writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Card format version.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Genre names in the order of the model's outputs.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Front-end settings the model was trained with.</summary>
    public required LogMelOptions Features { get; init; }

    /// <summary>Name of the model's input tensor, shape <c>[N, 1, Features.MelBands, WindowFrames]</c>.</summary>
    public string InputName { get; init; } = "logmel";

    /// <summary>Name of the output holding class probabilities <c>[N, Labels.Count]</c>.</summary>
    public string ProbabilitiesOutput { get; init; } = "probabilities";

    /// <summary>Name of the output holding raw logits <c>[N, Labels.Count]</c>.</summary>
    public string LogitsOutput { get; init; } = "logits";

    /// <summary>
    /// Name of the optional output holding each window's embedding <c>[N, D]</c>: the pooled features the classifier
    /// layer reads. Models exported by GenreML have it; a model without it still classifies but cannot embed.
    /// </summary>
    public string EmbeddingOutput { get; init; } = "embedding";

    /// <summary>Frames per window (the input's last dimension).</summary>
    public required int WindowFrames { get; init; }

    /// <summary>Frames between the starts of successive windows of one clip.</summary>
    public required int WindowHop { get; init; }

    /// <summary>
    /// Normalisation of log-Mel values before the network. GenreML's exporter builds it into the ONNX
    /// graph, so the model's input is raw log-Mel dB and callers never apply it themselves; it is recorded
    /// here for TorchSharp checkpoints and for readers of the card.
    /// </summary>
    public FeatureNormalization Normalization { get; init; } = new();

    /// <summary>How window probabilities combine into a clip's: <see cref="AggregationRule.MeanProbabilities"/> is the only rule so far.</summary>
    public string Aggregation { get; init; } = AggregationRule.MeanProbabilities;

    /// <summary>Network architecture name, e.g. "default" or "seed".</summary>
    public string Architecture { get; init; } = "unknown";

    /// <summary>How the model was trained.</summary>
    public TrainingProvenance? Provenance { get; init; }

    /// <summary>
    /// Temperature and answer thresholds (see <see cref="CalibrationSettings"/>); null for a model that was never
    /// calibrated, which then answers with <see cref="CalibrationSettings.Default"/>.
    /// </summary>
    public CalibrationSettings? Calibration { get; init; }

    /// <summary>How the network was quantised to 8 bits (see <see cref="QuantizationInfo"/>); null for a float model.</summary>
    public QuantizationInfo? Quantization { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The card as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Parses and validates a card. Throws <see cref="ModelCardException"/> naming the field that is
    /// missing or wrong; <paramref name="source"/> (a path or "model metadata") prefixes the message.
    /// </summary>
    public static ModelCard FromJson(string json, string source = "model card")
    {
        ArgumentNullException.ThrowIfNull(json);
        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(json, Json);
        }
        catch (JsonException e)
        {
            string field = string.IsNullOrEmpty(e.Path) ? "$" : e.Path.TrimStart('$', '.');
            throw new ModelCardException(source, field.Length == 0 ? "$" : field, e.Message, e);
        }

        if (card is null)
        {
            throw new ModelCardException(source, "$", "the JSON is null");
        }

        card.Validate(source);
        return card;
    }

    /// <summary>Checks the card's fields; throws <see cref="ModelCardException"/> for the first wrong one.</summary>
    public void Validate(string source = "model card")
    {
        if (SchemaVersion != CurrentSchemaVersion)
            throw new ModelCardException(source, "schemaVersion", $"version {SchemaVersion} is not supported (this build reads {CurrentSchemaVersion})");
        if (Labels is null || Labels.Count < 2)
            throw new ModelCardException(source, "labels", "at least two labels are required");
        if (Labels.Any(string.IsNullOrWhiteSpace))
            throw new ModelCardException(source, "labels", "a label is empty");
        if (Labels.Distinct(StringComparer.Ordinal).Count() != Labels.Count)
            throw new ModelCardException(source, "labels", "labels must be distinct");
        if (Features is null)
            throw new ModelCardException(source, "features", "missing");
        try
        {
            Features.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ModelCardException(source, "features", e.Message, e);
        }

        if (string.IsNullOrWhiteSpace(InputName))
            throw new ModelCardException(source, "inputName", "missing");
        if (WindowFrames <= 0)
            throw new ModelCardException(source, "windowFrames", $"must be positive (got {WindowFrames})");
        if (WindowHop <= 0)
            throw new ModelCardException(source, "windowHop", $"must be positive (got {WindowHop})");
        if (Normalization is null || !(Normalization.Std > 0) || !float.IsFinite(Normalization.Mean))
            throw new ModelCardException(source, "normalization", "std must be positive and mean finite");
        if (Aggregation != AggregationRule.MeanProbabilities)
            throw new ModelCardException(source, "aggregation", $"unknown rule '{Aggregation}' (known: {AggregationRule.MeanProbabilities})");
        Calibration?.Validate(source);
    }
}
