using GenreML.Core.Runs;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenreML.Training.Engine;
using GenreML.Training.Features;

namespace GenreML.Training.Runs;

/// <summary>The content of a run's <c>metrics.json</c>.</summary>
public sealed record RunMetrics
{
    /// <summary>Architecture name.</summary>
    public required string Architecture { get; init; }

    /// <summary>Labels in output order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>How the data was split.</summary>
    public required string Split { get; init; }

    /// <summary>Clips per label and part (train/valid/test) that were actually used.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ClipsUsed { get; init; }

    /// <summary>Files skipped because their features could not be computed.</summary>
    public required IReadOnlyList<FeatureFailure> Failures { get; init; }

    /// <summary>Names in the split file that matched no clip.</summary>
    public IReadOnlyList<string> UnknownSplitNames { get; init; } = [];

    /// <summary>Clips the split file did not list (left out).</summary>
    public IReadOnlyList<string> UnlistedClips { get; init; } = [];

    /// <summary>Per-epoch figures.</summary>
    public required IReadOnlyList<EpochRecord> Epochs { get; init; }

    /// <summary>Epoch of the kept weights.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Whether early stopping ended training.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Each ensemble member's per-epoch figures (null for a single network; <see cref="Epochs"/> are the first member's).</summary>
    public IReadOnlyList<IReadOnlyList<EpochRecord>>? MemberEpochs { get; init; }

    /// <summary>
    /// The kept model on the validation clips with prediction-time augmentation: each clip's probabilities averaged
    /// over the original and its waveform-augmented variants (null without augmentation).
    /// </summary>
    public EvaluationReport? ValidAugmented { get; init; }

    /// <summary>The kept model on the validation clips.</summary>
    public EvaluationReport? Valid { get; init; }

    /// <summary>The kept model on the test clips (null when the split has none).</summary>
    public EvaluationReport? Test { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Reads a run's <c>metrics.json</c>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The JSON does not parse or lacks a required field.</exception>
    public static RunMetrics FromJson(string json, string source = RunFolder.MetricsFile)
    {
        try
        {
            return JsonSerializer.Deserialize<RunMetrics>(json, Json) ?? throw new InvalidDataException($"{source}: the JSON is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a GenreML metrics file ({e.Message})", e);
        }
    }

    /// <summary>The metrics as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
