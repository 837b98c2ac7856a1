using GenreML.Core.Runs;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenreML.Training.Models;

namespace GenreML.Training.Engine;

/// <summary>
/// Hyper-parameters of a run. <see cref="SeedPreset"/> reproduces the reference notebook; <see cref="DefaultPreset"/>
/// is our faster design. Use <c>with</c> to override single settings.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Architecture name: "seed" or "default".</summary>
    public string Architecture { get; init; } = ModelFactory.Default;

    /// <summary>Base channel count of the <c>default</c> network. Default 24.</summary>
    public int Width { get; init; } = CompactNet.DefaultWidth;

    /// <summary>Classifier head of the <c>default</c> network. Default <see cref="ClassifierHead.Global"/>.</summary>
    public ClassifierHead Head { get; init; } = ClassifierHead.Global;

    /// <summary>Frames per window fed to the network. Default 128 (≈ 3 s).</summary>
    public int WindowFrames { get; init; } = 128;

    /// <summary>Frames between successive evaluation windows of a clip. Default 128 (non-overlapping: half the scoring cost of 50 % overlap).</summary>
    public int WindowHop { get; init; } = 128;

    /// <summary>Training takes a random window of each drawn clip (true) or always its first window (false, the notebook's "first 20 s"). Default true.</summary>
    public bool RandomCrop { get; init; } = true;

    /// <summary>Training windows drawn per training clip and epoch. Default 4.</summary>
    public int WindowsPerClip { get; init; } = 4;

    /// <summary>Maximum number of epochs. Default 30.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Windows per batch. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Optimiser. Default AdamW.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>(Peak) learning rate. Default 3e-3.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Weight decay. Default 1e-2.</summary>
    public double WeightDecay { get; init; } = 1e-2;

    /// <summary>Learning-rate schedule. Default <see cref="LearningRateSchedule.OneCycle"/>.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.OneCycle;

    /// <summary>Plateau schedule: factor applied on a plateau. Default 0.5.</summary>
    public double PlateauFactor { get; init; } = 0.5;

    /// <summary>Plateau schedule: epochs without a lower validation loss before the rate drops. Default 3.</summary>
    public int PlateauPatience { get; init; } = 3;

    /// <summary>Early stopping: epochs without a better validation balanced accuracy (ties: lower loss) before stopping; 0 disables. Default 10.</summary>
    public int EarlyStoppingPatience { get; init; } = 10;

    /// <summary>Class-imbalance strategy. Default <see cref="BalanceStrategy.Sampler"/>.</summary>
    public BalanceStrategy Balance { get; init; } = BalanceStrategy.Sampler;

    /// <summary>Label smoothing of the cross-entropy. Default 0.1.</summary>
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>Mixup Beta(α, α) parameter; 0 disables mixup. Default 0.2.</summary>
    public double MixupAlpha { get; init; } = 0.2;

    /// <summary>SpecAugment: frequency masks per window. Default 2.</summary>
    public int FrequencyMasks { get; init; } = 2;

    /// <summary>SpecAugment: widest frequency mask in bands. Default 12.</summary>
    public int FrequencyMaskWidth { get; init; } = 12;

    /// <summary>SpecAugment: time masks per window. Default 2.</summary>
    public int TimeMasks { get; init; } = 2;

    /// <summary>SpecAugment: widest time mask in frames. Default 16.</summary>
    public int TimeMaskWidth { get; init; } = 16;

    /// <summary>
    /// Decay of the exponential moving average of the weights (see <see cref="WeightAverage"/>) that is evaluated and
    /// kept instead of the raw weights; 0 disables it. Default 0.99.
    /// </summary>
    public double WeightAverageDecay { get; init; } = 0.99;

    /// <summary>
    /// Waveform augmentation: transformed versions of every clip (pitch shift, time stretch, EQ colouring with NWaves,
    /// see <see cref="Augmentation.WaveformVariant"/>) computed once and kept in the feature cache; each training window is
    /// cut from the original or one of its versions with equal odds. 0 disables it. Default 0.
    /// </summary>
    public int AugmentVariants { get; init; }

    /// <summary>Waveform augmentation: widest pitch shift in semitones, drawn uniformly in ±this. Default 2.</summary>
    public double PitchShiftSemitones { get; init; } = 2;

    /// <summary>Waveform augmentation: widest time stretch, drawn uniformly in 1 ± this (0.1: 0.9–1.1). Default 0.1.</summary>
    public double TimeStretchRange { get; init; } = 0.1;

    /// <summary>Waveform augmentation: largest boost or cut of the random peaking-EQ band in dB (±this). Default 6.</summary>
    public double EqGainDb { get; init; } = 6;

    /// <summary>
    /// Keep the last epoch instead of the best validated one; only the last epoch is validated (the others have no
    /// validation figures). The cross-validation protocol uses it: an epoch chosen on the scored clips flatters them.
    /// Default false.
    /// </summary>
    public bool KeepLastEpoch { get; init; }

    /// <summary>Members of a seed ensemble (seeds <see cref="Seed"/>, <see cref="Seed"/>+1, …), exported as one graph that averages their probabilities. Default 1.</summary>
    public int EnsembleMembers { get; init; } = 1;

    /// <summary>Seed of every random choice (weights, order, crops, masks, mixup, dropout). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Our design: 3 s random crops, compact CNN of width 24, SpecAugment, mixup, label smoothing, AdamW one-cycle, balanced sampling, a moving average of the weights.</summary>
    public static TrainingOptions DefaultPreset { get; } = new();

    /// <summary>The reference notebook: trained on the first 20 s (862 frames) of each clip, evaluated like every model on all 20-s windows, <see cref="Models.SeedNet"/>, Adam 1e-3, batch 32, ReduceLROnPlateau(0.5, 3), no augmentation.</summary>
    public static TrainingOptions SeedPreset { get; } = new()
    {
        Architecture = ModelFactory.Seed,
        WindowFrames = 862,
        WindowHop = 862,
        RandomCrop = false,
        WindowsPerClip = 1,
        Epochs = 30,
        Optimizer = OptimizerKind.Adam,
        LearningRate = 1e-3,
        WeightDecay = 0,
        Schedule = LearningRateSchedule.Plateau,
        Balance = BalanceStrategy.None,
        LabelSmoothing = 0,
        MixupAlpha = 0,
        FrequencyMasks = 0,
        TimeMasks = 0,
        WeightAverageDecay = 0,
    };

    /// <summary>The preset for an architecture name.</summary>
    public static TrainingOptions ForArchitecture(string architecture) => architecture switch
    {
        ModelFactory.Seed => SeedPreset,
        ModelFactory.Default => DefaultPreset,
        _ => throw new ArgumentException($"unknown architecture '{architecture}' (known: {string.Join(", ", ModelFactory.Names)})", nameof(architecture)),
    };

    /// <summary>Checks all settings at once; throws one <see cref="ArgumentException"/> listing what is wrong.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!ModelFactory.Names.Contains(Architecture)) problems.Add($"Architecture must be one of {string.Join(", ", ModelFactory.Names)} (got '{Architecture}')");
        if (Width < 1) problems.Add($"Width must be ≥ 1 (got {Width})");
        if (WindowFrames < 16) problems.Add($"WindowFrames must be ≥ 16 (got {WindowFrames})");
        if (WindowHop < 1) problems.Add($"WindowHop must be ≥ 1 (got {WindowHop})");
        if (WindowsPerClip < 1) problems.Add($"WindowsPerClip must be ≥ 1 (got {WindowsPerClip})");
        if (Epochs < 1) problems.Add($"Epochs must be ≥ 1 (got {Epochs})");
        if (BatchSize < 2) problems.Add($"BatchSize must be ≥ 2 (got {BatchSize}; BatchNorm needs two)");
        if (!(LearningRate > 0)) problems.Add($"LearningRate must be positive (got {LearningRate})");
        if (WeightDecay < 0) problems.Add($"WeightDecay must be ≥ 0 (got {WeightDecay})");
        if (!(PlateauFactor > 0 && PlateauFactor < 1)) problems.Add($"PlateauFactor must be in (0, 1) (got {PlateauFactor})");
        if (PlateauPatience < 0) problems.Add($"PlateauPatience must be ≥ 0 (got {PlateauPatience})");
        if (EarlyStoppingPatience < 0) problems.Add($"EarlyStoppingPatience must be ≥ 0 (got {EarlyStoppingPatience})");
        if (LabelSmoothing is < 0 or >= 1) problems.Add($"LabelSmoothing must be in [0, 1) (got {LabelSmoothing})");
        if (WeightAverageDecay is < 0 or >= 1) problems.Add($"WeightAverageDecay must be in [0, 1) (got {WeightAverageDecay})");
        if (MixupAlpha < 0) problems.Add($"MixupAlpha must be ≥ 0 (got {MixupAlpha})");
        if (FrequencyMasks < 0 || TimeMasks < 0 || FrequencyMaskWidth < 0 || TimeMaskWidth < 0) problems.Add("SpecAugment counts and widths must be ≥ 0");
        if (AugmentVariants < 0) problems.Add($"AugmentVariants must be ≥ 0 (got {AugmentVariants})");
        if (PitchShiftSemitones is < 0 or > 12) problems.Add($"PitchShiftSemitones must be in [0, 12] (got {PitchShiftSemitones})");
        if (TimeStretchRange is < 0 or >= 0.5) problems.Add($"TimeStretchRange must be in [0, 0.5) (got {TimeStretchRange})");
        if (EqGainDb is < 0 or > 24) problems.Add($"EqGainDb must be in [0, 24] (got {EqGainDb})");
        if (KeepLastEpoch && EarlyStoppingPatience > 0) problems.Add($"KeepLastEpoch needs early stopping off (EarlyStoppingPatience 0, got {EarlyStoppingPatience})");
        if (EnsembleMembers is < 1 or > 16) problems.Add($"EnsembleMembers must be in 1..16 (got {EnsembleMembers})");
        if (problems.Count > 0) throw new ArgumentException("Invalid training options: " + string.Join("; ", problems));
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The options as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads options written by <see cref="ToJson"/>; <paramref name="source"/> names them in errors.</summary>
    /// <exception cref="InvalidDataException">The JSON does not parse.</exception>
    public static TrainingOptions FromJson(string json, string source = RunFolder.OptionsFile)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingOptions>(json, Json) ?? throw new InvalidDataException($"{source}: the JSON is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not GenreML training options ({e.Message})", e);
        }
    }
}
