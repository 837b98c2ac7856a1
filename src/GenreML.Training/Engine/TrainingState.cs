using GenreML.Core.IO;
using System.Text.Json;

namespace GenreML.Training.Engine;

/// <summary>
/// Everything besides weights and optimiser moments needed to resume a run after the last finished
/// epoch; stored as <c>checkpoint.json</c>. Random choices need no saved generator state: every epoch
/// reseeds torch and its own <see cref="Random"/> from (seed, epoch), so epoch e draws the same
/// numbers whether the run was interrupted or not.
/// </summary>
internal sealed record TrainingState
{
    /// <summary>Last finished epoch (0 before the first).</summary>
    public int Epoch { get; init; }

    /// <summary>Current learning rate (plateau schedule) or the rate at the end of the last epoch.</summary>
    public double LearningRate { get; init; }

    /// <summary>Plateau schedule: lowest validation loss so far.</summary>
    public double PlateauBestLoss { get; init; } = double.PositiveInfinity;

    /// <summary>Plateau schedule: epochs since the validation loss last improved.</summary>
    public int PlateauBadEpochs { get; init; }

    /// <summary>Best validation balanced accuracy so far.</summary>
    public double BestScore { get; init; } = double.NegativeInfinity;

    /// <summary>Validation loss at the best epoch.</summary>
    public double BestLoss { get; init; } = double.PositiveInfinity;

    /// <summary>Epoch whose weights are in <c>best.weights</c> (0 = none yet).</summary>
    public int BestEpoch { get; init; }

    /// <summary>Whether early stopping ended the run.</summary>
    public bool Stopped { get; init; }

    /// <summary>Fingerprint of the options the run was started with; resuming with other options is refused.</summary>
    public string OptionsFingerprint { get; init; } = "";

    /// <summary>Per-epoch figures so far.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the state atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a state written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> naming the file when it is unreadable.</summary>
    public static TrainingState Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: checkpoint state is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: checkpoint state is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// A short stable fingerprint of <paramref name="options"/>. It ignores the early-stopping patience and,
    /// with the plateau schedule, the epoch count, so such a run may be extended; the one-cycle schedule
    /// depends on the epoch count, so there it counts.
    /// </summary>
    public static string Fingerprint(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(options with { Epochs = options.Schedule == LearningRateSchedule.Plateau ? 1 : options.Epochs, EarlyStoppingPatience = 0 });
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
    }
}
