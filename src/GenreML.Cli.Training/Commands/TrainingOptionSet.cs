using System.CommandLine;
using GenreML.Cli.Invocation;
using GenreML.Training.Engine;
using GenreML.Training.Models;

namespace GenreML.Cli.Commands;

/// <summary>
/// The training hyper-parameter options (<c>--arch</c>, <c>--epochs</c>, <c>--balance</c>, …) shared by
/// <c>train</c> and <c>bench training</c>, and their mapping onto <see cref="TrainingOptions"/>.
/// </summary>
internal sealed class TrainingOptionSet
{
    private readonly Option<string> _arch = new("--arch")
    {
        Description = "Architecture: " + string.Join(" or ", ModelFactory.Architectures.Select(a => $"{a.Name} ({a.Description})")),
        DefaultValueFactory = _ => ModelFactory.Default,
    };
    private readonly Option<int?> _epochs = CliOptions.OptionalWholeNumber("--epochs", "Maximum epochs (default: the architecture's preset)", min: 1);
    private readonly Option<int> _seed = CliOptions.WholeNumber("--seed", "Seed of every random choice", 1, min: int.MinValue);
    private readonly Option<string?> _balance = new("--balance") { Description = "Class-imbalance strategy: none, sampler or weights (default: the preset's)" };
    private readonly Option<int?> _batch = CliOptions.OptionalWholeNumber("--batch-size", "Windows per batch", min: 1);
    private readonly Option<double?> _lr = CliOptions.OptionalNumber("--lr", "(Peak) learning rate");
    private readonly Option<int?> _patience = CliOptions.OptionalWholeNumber("--patience", "Early-stopping patience in epochs (0 = off)", min: 0);
    private readonly Option<double?> _mixup = CliOptions.OptionalNumber("--mixup", "Mixup alpha (0 = off)");
    private readonly Option<double?> _smoothing = CliOptions.OptionalNumber("--label-smoothing", "Label smoothing");
    private readonly Option<int?> _width = CliOptions.OptionalWholeNumber("--width", $"Base width of the default network (default {CompactNet.DefaultWidth}; {DemoData.Width} on the demo set)", min: 1);
    private readonly Option<string?> _head = new("--head") { Description = "Classifier head of the default network: global (average over frequency and time) or bands (average over time only)" };
    private readonly Option<double?> _average = CliOptions.OptionalNumber("--weight-average", "Decay of the moving average of the weights that is validated and kept, e.g. 0.99 (0 = off)");
    private readonly Option<int?> _augment = CliOptions.OptionalWholeNumber("--augment", "Waveform-augmented versions of every clip (NWaves pitch shift, time stretch, EQ), computed once into the feature cache; training windows come from the original or a version with equal odds (default 0: off)", min: 0);
    private readonly Option<double?> _pitch = CliOptions.OptionalNumber("--pitch-shift", "Augmentation: widest pitch shift in semitones (default 2)");
    private readonly Option<double?> _stretch = CliOptions.OptionalNumber("--time-stretch", "Augmentation: widest time stretch, 1 ± this (default 0.1)");
    private readonly Option<double?> _eq = CliOptions.OptionalNumber("--eq-gain", "Augmentation: largest boost or cut of the random EQ band in dB (default 6)");
    private readonly Option<bool> _keepLast = new("--keep-last") { Description = "Keep the last epoch, validating only it (needs --patience 0); what bench training --seeds does" };
    private readonly Option<int?> _windowsPerClip = CliOptions.OptionalWholeNumber("--windows-per-clip", "Training windows drawn per clip and epoch", min: 1);

    /// <summary>Creates the options and adds them to <paramref name="command"/>.</summary>
    public TrainingOptionSet(Command command)
    {
        _arch.AcceptOnlyFromAmong([.. ModelFactory.Names]);
        _balance.AcceptOnlyFromAmong("none", "sampler", "weights");
        _head.AcceptOnlyFromAmong("global", "bands");
        foreach (Option option in new Option[] { _arch, _epochs, _seed, _balance, _batch, _lr, _patience, _mixup, _smoothing, _width, _head, _windowsPerClip, _average, _augment, _pitch, _stretch, _eq, _keepLast })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether <c>--width</c> was given.</summary>
    public bool HasWidth(ParseResult parse) => parse.GetValue(_width) is not null;

    /// <summary>Whether <c>--epochs</c> was given.</summary>
    public bool HasEpochs(ParseResult parse) => parse.GetValue(_epochs) is not null;

    /// <summary>The architecture's preset with every given option applied.</summary>
    public TrainingOptions Bind(ParseResult parse)
    {
        var options = TrainingOptions.ForArchitecture(parse.GetValue(_arch)!) with { Seed = parse.GetValue(_seed) };
        if (parse.GetValue(_epochs) is { } e) options = options with { Epochs = e };
        if (parse.GetValue(_balance) is { } b) options = options with { Balance = Enum.Parse<BalanceStrategy>(b, ignoreCase: true) };
        if (parse.GetValue(_batch) is { } bs) options = options with { BatchSize = bs };
        if (parse.GetValue(_lr) is { } rate) options = options with { LearningRate = rate };
        if (parse.GetValue(_patience) is { } p) options = options with { EarlyStoppingPatience = p };
        if (parse.GetValue(_mixup) is { } m) options = options with { MixupAlpha = m };
        if (parse.GetValue(_smoothing) is { } s) options = options with { LabelSmoothing = s };
        if (parse.GetValue(_width) is { } w) options = options with { Width = w };
        if (parse.GetValue(_head) is { } h) options = options with { Head = Enum.Parse<ClassifierHead>(h, ignoreCase: true) };
        if (parse.GetValue(_average) is { } avg) options = options with { WeightAverageDecay = avg };
        if (parse.GetValue(_windowsPerClip) is { } wpc) options = options with { WindowsPerClip = wpc };
        if (parse.GetValue(_keepLast)) options = options with { KeepLastEpoch = true };
        if (parse.GetValue(_augment) is { } variants) options = options with { AugmentVariants = variants };
        if (parse.GetValue(_pitch) is { } pitch) options = options with { PitchShiftSemitones = pitch };
        if (parse.GetValue(_stretch) is { } stretch) options = options with { TimeStretchRange = stretch };
        if (parse.GetValue(_eq) is { } eq) options = options with { EqGainDb = eq };
        return options;
    }
}
