using GenreML.Audio.Features;
using GenreML.Onnx.FrontEnd;

namespace GenreML.Onnx.Export;

/// <summary>
/// How <see cref="OnnxExporter"/> shapes the exported model. The model interface is input
/// <see cref="InputName"/> <c>[N, Channels, MelBands, Frames]</c> float32 (N dynamic) and outputs
/// <see cref="LogitsName"/> and <see cref="ProbabilitiesName"/> <c>[N, n_labels]</c>.
/// </summary>
public sealed record OnnxExportOptions
{
    /// <summary>Mel bands of the input (its height). Required.</summary>
    public int MelBands { get; init; }

    /// <summary>Frames of the input window (its width); also the size used to trace shapes. Required.</summary>
    public int Frames { get; init; }

    /// <summary>Input channels. Default 1.</summary>
    public int Channels { get; init; } = 1;

    /// <summary>
    /// Whether the time axis is a symbolic dimension (<see cref="FramesSymbol"/>) instead of <see cref="Frames"/>.
    /// Only sound when the network accepts any width (e.g. it ends in global pooling); the verification runs at two widths. Default false.
    /// </summary>
    public bool DynamicFrames { get; init; }

    /// <summary>Name of the graph input. Default <c>logmel</c>.</summary>
    public string InputName { get; init; } = "logmel";

    /// <summary>Name of the logits output. Default <c>logits</c>.</summary>
    public string LogitsName { get; init; } = "logits";

    /// <summary>Name of the softmax output. Default <c>probabilities</c>.</summary>
    public string ProbabilitiesName { get; init; } = "probabilities";

    /// <summary>Symbol of the batch dimension. Default <c>N</c>.</summary>
    public string BatchSymbol { get; init; } = "N";

    /// <summary>Symbol of the time dimension when <see cref="DynamicFrames"/> is set. Default <c>T</c>.</summary>
    public string FramesSymbol { get; init; } = "T";

    /// <summary>
    /// Mean subtracted from the raw input inside the graph (<c>(x − mean) / std</c> as Sub and Div nodes), so the
    /// ONNX input is raw log-Mel dB. Set together with <see cref="NormalizationStd"/>, or leave both null (default).
    /// </summary>
    public float? NormalizationMean { get; init; }

    /// <summary>Standard deviation the input is divided by (positive); see <see cref="NormalizationMean"/>.</summary>
    public float? NormalizationStd { get; init; }

    /// <summary>
    /// When set, the log-Mel front end is put inside the graph: the input becomes <see cref="WaveformInputName"/>
    /// <c>[N, samples]</c> (mono, at the options' sample rate; samples fixed to yield <see cref="Frames"/> frames, or the
    /// symbol <see cref="SamplesSymbol"/> with <see cref="DynamicFrames"/>), followed by STFT, the constant Mel matrix
    /// and dB. Each input is treated as one clip: a max reference and top_db use that input's maximum. Default null.
    /// </summary>
    public LogMelOptions? WaveformFrontEnd { get; init; }

    /// <summary>Name of the waveform input when <see cref="WaveformFrontEnd"/> is set. Default <c>waveform</c>.</summary>
    public string WaveformInputName { get; init; } = FrontEnd.ClipLevelModel.WaveformInput;

    /// <summary>Symbol of the sample axis when <see cref="WaveformFrontEnd"/> and <see cref="DynamicFrames"/> are set. Default <c>S</c>.</summary>
    public string SamplesSymbol { get; init; } = "S";

    /// <summary>
    /// When set together with <see cref="WaveformFrontEnd"/>, the model is clip-level: its input is one whole clip,
    /// <see cref="WaveformInputName"/> <c>[1, samples]</c> (batch 1, samples dynamic); dB reference and top_db use the
    /// whole clip; the log-Mel is cut in the graph into windows of <see cref="Frames"/> frames starting every
    /// <see cref="ClipWindowHop"/> frames, the last one padded with the clip's minimum (GenreML.Audio's
    /// <c>SpectrogramWindows.Cut</c>); outputs are <see cref="LogitsName"/> and <see cref="WindowProbabilitiesName"/>
    /// <c>[W, n_labels]</c> per window and <see cref="ProbabilitiesName"/> <c>[1, n_labels]</c>, their mean over the windows.
    /// Default null (window-level model).
    /// </summary>
    public int? ClipWindowHop { get; init; }

    /// <summary>Name of the per-window softmax output of a clip-level model. Default <c>window_probabilities</c>.</summary>
    public string WindowProbabilitiesName { get; init; } = FrontEnd.ClipLevelModel.WindowProbabilitiesOutput;

    /// <summary>Whether the model is clip-level (<see cref="WaveformFrontEnd"/> and <see cref="ClipWindowHop"/> are set).</summary>
    public bool IsClipLevel => WaveformFrontEnd is not null && ClipWindowHop is not null;

    /// <summary>The graph input's name: <see cref="WaveformInputName"/> with an in-graph front end, else <see cref="InputName"/>.</summary>
    public string GraphInputName => WaveformFrontEnd is null ? InputName : WaveformInputName;

    /// <summary>Fold each BatchNorm that directly follows a Conv2d into the convolution's weights and bias. Default true.</summary>
    public bool FoldBatchNorm { get; init; } = true;

    /// <summary>
    /// Export modules without a converter but with children as the chain of their children in registration order
    /// (the forward of a TorchSharpExamples-style model). The verification catches forwards that do something else.
    /// When false, only <see cref="ModuleConverterRegistry.RegisterContainer{TModule}"/> types and the root are walked. Default true.
    /// </summary>
    public bool WalkUnregisteredContainers { get; init; } = true;

    /// <summary>
    /// Run the exported graph in ONNX Runtime on a seeded random batch and compare with the TorchSharp forward;
    /// throw <see cref="OnnxExportException"/> when they differ by more than <see cref="VerificationTolerance"/>. Default true.
    /// </summary>
    public bool Verify { get; init; } = true;

    /// <summary>Largest accepted |Δ| of the logits, relative to max(1, max |logit|). Default 1e-4.</summary>
    public double VerificationTolerance { get; init; } = 1e-4;

    /// <summary>Seed of the verification batch. Default 1234.</summary>
    public long VerificationSeed { get; init; } = 1234;

    /// <summary>Converters to use. Default <see cref="ModuleConverterRegistry.Default"/>.</summary>
    public ModuleConverterRegistry Converters { get; init; } = ModuleConverterRegistry.Default;

    /// <summary>Entries for the model's <c>metadata_props</c> (e.g. the model card JSON under <c>genreml.card</c>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Graph name. Default <c>genreml</c>.</summary>
    public string GraphName { get; init; } = "genreml";

    /// <summary>Optional model description (ONNX <c>ModelProto.doc_string</c>).</summary>
    public string? DocString { get; init; }

    /// <summary>The model's version number. Default 1.</summary>
    public long ModelVersion { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MelBands < 1)
        {
            problems.Add($"MelBands must be at least 1 (got {MelBands})");
        }

        if (Frames < 1)
        {
            problems.Add($"Frames must be at least 1 (got {Frames})");
        }

        if (Channels < 1)
        {
            problems.Add($"Channels must be at least 1 (got {Channels})");
        }

        if (NormalizationMean.HasValue != NormalizationStd.HasValue)
        {
            problems.Add("NormalizationMean and NormalizationStd must be set together");
        }

        if (NormalizationStd is { } std && !(std > 0 && float.IsFinite(std)))
        {
            problems.Add($"NormalizationStd must be positive and finite (got {std})");
        }

        if (NormalizationMean is { } mean && !float.IsFinite(mean))
        {
            problems.Add($"NormalizationMean must be finite (got {mean})");
        }

        string[] names = [GraphInputName, LogitsName, ProbabilitiesName];
        if (names.Any(string.IsNullOrWhiteSpace) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            problems.Add($"the input name, LogitsName and ProbabilitiesName must be non-empty and distinct (got '{GraphInputName}', '{LogitsName}', '{ProbabilitiesName}')");
        }

        if (WaveformFrontEnd is { } frontEnd)
        {
            ValidateFrontEnd(frontEnd, problems);
        }

        if (ClipWindowHop is { } hop)
        {
            ValidateClipLevel(hop, problems);
        }

        if (string.IsNullOrWhiteSpace(BatchSymbol) || string.IsNullOrWhiteSpace(FramesSymbol) || BatchSymbol == FramesSymbol)
        {
            problems.Add($"BatchSymbol and FramesSymbol must be non-empty and distinct (got '{BatchSymbol}', '{FramesSymbol}')");
        }

        if (string.IsNullOrWhiteSpace(GraphName))
        {
            problems.Add("GraphName must not be empty");
        }

        if (!(VerificationTolerance > 0))
        {
            problems.Add($"VerificationTolerance must be positive (got {VerificationTolerance})");
        }

        if (Converters is null || Metadata is null)
        {
            problems.Add("Converters and Metadata must not be null");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid ONNX export options: " + string.Join("; ", problems) + ".");
        }
    }

    private void ValidateClipLevel(int hop, List<string> problems)
    {
        if (hop < 1)
        {
            problems.Add($"ClipWindowHop must be at least 1 (got {hop})");
        }

        if (WaveformFrontEnd is null)
        {
            problems.Add("ClipWindowHop needs WaveformFrontEnd: a clip-level model reads the waveform");
        }

        if (Metadata is not null && Metadata.ContainsKey(ClipLevelModel.InputKindMetadataKey))
        {
            problems.Add($"Metadata must not set '{ClipLevelModel.InputKindMetadataKey}': the exporter writes it for a clip-level model");
        }

        if (DynamicFrames)
        {
            problems.Add("DynamicFrames does not apply to a clip-level model: its windows always have Frames frames");
        }

        string[] names = [GraphInputName, LogitsName, ProbabilitiesName, WindowProbabilitiesName];
        if (string.IsNullOrWhiteSpace(WindowProbabilitiesName) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            problems.Add($"WindowProbabilitiesName must be non-empty and differ from the other input and output names (got '{WindowProbabilitiesName}')");
        }
    }

    private void ValidateFrontEnd(LogMelOptions frontEnd, List<string> problems)
    {
        try
        {
            frontEnd.Validate();
        }
        catch (ArgumentException e)
        {
            problems.Add($"WaveformFrontEnd: {e.Message}");
        }

        if (frontEnd.MelBands != MelBands)
        {
            problems.Add($"WaveformFrontEnd.MelBands ({frontEnd.MelBands}) must equal MelBands ({MelBands})");
        }

        if (Channels != 1)
        {
            problems.Add($"the waveform front end yields one channel, but Channels is {Channels}");
        }

        if (frontEnd.Center && frontEnd.PadMode == PadMode.Reflect && Frames >= 1 && WaveformFrontEndGraph.SampleCount(frontEnd, Frames) <= frontEnd.FftSize / 2)
        {
            problems.Add($"reflect padding needs more than FftSize/2 = {frontEnd.FftSize / 2} samples; {Frames} frames give only {WaveformFrontEndGraph.SampleCount(frontEnd, Frames)}");
        }

        if (string.IsNullOrWhiteSpace(SamplesSymbol) || SamplesSymbol == BatchSymbol)
        {
            problems.Add($"SamplesSymbol must be non-empty and differ from BatchSymbol (got '{SamplesSymbol}')");
        }
    }
}
