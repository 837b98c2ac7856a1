using GenreML.Audio;
using GenreML.Audio.Features;
using GenreML.Audio.Synthesis;
using GenreML.Onnx.Export;
using GenreML.Onnx.FrontEnd;
using GenreML.Onnx.Inspection;
using TorchSharp.Modules;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests.FrontEnd;

/// <summary>
/// The clip-level waveform model against GenreML's managed inference path: ClipFeaturizer over the whole clip,
/// SpectrogramWindows.Cut, the window-level log-Mel model in ONNX Runtime, softmax, mean over windows.
/// </summary>
public sealed class ClipLevelFrontEndTests(ITestOutputHelper output)
{
    private const int Bands = 32;
    private const int WindowFrames = 16;
    private const int WindowHop = 8;
    private const float Mean = -40;
    private const float Std = 18;

    private static LogMelOptions Features(DbReference reference) =>
        new() { FftSize = 512, HopLength = 256, WindowLength = 512, MelBands = Bands, DbReference = reference };

    private static Sequential TinyNet()
    {
        torch.manual_seed(5);
        var model = Sequential(
            ("conv", Conv2d(1, 4, 3, padding: 1)), ("bn", BatchNorm2d(4)), ("relu", ReLU()),
            ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("head", Linear(4, 10)));
        Networks.Train(model, [4, 1, Bands, WindowFrames], steps: 2);
        return model;
    }

    private static OnnxExportOptions WindowOptions => new()
    {
        MelBands = Bands, Frames = WindowFrames, NormalizationMean = Mean, NormalizationStd = Std,
    };

    private static OnnxExportOptions ClipOptions(LogMelOptions features) =>
        WindowOptions with { WaveformFrontEnd = features, ClipWindowHop = WindowHop };

    /// <summary>Clip lengths in samples: fewer frames than one window, exactly one window, several windows with a padded last one.</summary>
    public static TheoryData<DbReference, int> Cases() => new()
    {
        { DbReference.One, 2205 }, { DbReference.One, (WindowFrames - 1) * 256 }, { DbReference.One, 66150 },
        { DbReference.Max, 2205 }, { DbReference.Max, (WindowFrames - 1) * 256 }, { DbReference.Max, 66150 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clip_model_matches_the_managed_path(DbReference reference, int samples)
    {
        var features = Features(reference);
        var model = TinyNet();
        float[] clip = DemoSongSynthesizer.Render("rock", 1, seconds: 3.0)[..samples];

        using var windowModel = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(model, WindowOptions));
        using var clipModel = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(model, ClipOptions(features)));

        var spectrogram = new ClipFeaturizer(features).Compute(new AudioSignal(clip, features.SampleRate));
        float[][] windows = SpectrogramWindows.Cut(spectrogram, WindowFrames, WindowHop);
        var (expectedWindows, _) = windowModel.Run([.. windows.SelectMany(w => w)], [windows.Length, 1, Bands, WindowFrames], outputName: "probabilities");
        float[] expected = [.. Enumerable.Range(0, 10).Select(k => Enumerable.Range(0, windows.Length).Average(w => expectedWindows[(w * 10) + k]))];

        var (expectedLogits, _) = windowModel.Run([.. windows.SelectMany(w => w)], [windows.Length, 1, Bands, WindowFrames]);
        var (actualLogits, _) = clipModel.Run(clip, [1, clip.Length], "waveform", "logits");
        var (actualWindows, windowShape) = clipModel.Run(clip, [1, clip.Length], "waveform", "window_probabilities");
        var (actual, shape) = clipModel.Run(clip, [1, clip.Length], "waveform", "probabilities");

        Assert.Equal([windows.Length, 10], windowShape);
        Assert.Equal([1, 10], shape);
        double worstWindow = expectedWindows.Zip(actualWindows, (e, a) => Math.Abs(e - a)).Max();
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        double worstLogit = expectedLogits.Zip(actualLogits, (e, a) => Math.Abs(e - a)).Max();
        output.WriteLine($"{reference}, {samples} samples, {spectrogram.Frames} frames, {windows.Length} windows: max |Δp| clip {worst:G3}, window {worstWindow:G3}; "
            + $"max |Δ logit| {worstLogit:G3} (logits span {expectedLogits.Min():F2}…{expectedLogits.Max():F2}); clip p_max {expected.Max():F3}");
        Assert.True(worstLogit < 1e-3, $"max |Δ window logit| = {worstLogit}");
        Assert.True(worst < 1e-3, $"max |Δ clip probability| = {worst}");
        Assert.True(worstWindow < 1e-3, $"max |Δ window probability| = {worstWindow}");
        Assert.Equal(ArgMax(expected), ArgMax(actual));
    }

    [Theory]
    [InlineData(DbReference.Max, 2205)]
    [InlineData(DbReference.One, (WindowFrames - 1) * 256)]
    [InlineData(DbReference.Max, (WindowFrames + WindowHop + 3) * 256)]
    [InlineData(DbReference.One, 66150)]
    public void In_graph_windows_are_the_managed_windows(DbReference reference, int samples)
    {
        var features = Features(reference);
        float[] clip = DemoSongSynthesizer.Render("jazz", 2, seconds: 3.0)[..samples];
        var flatten = Sequential(("flatten", Flatten()));
        using var clipModel = new OnnxRuntimeRunner(OnnxExporter.ExportToBytes(flatten, ClipOptions(features)));

        var spectrogram = new ClipFeaturizer(features).Compute(new AudioSignal(clip, features.SampleRate));
        float[][] windows = SpectrogramWindows.Cut(spectrogram, WindowFrames, WindowHop);
        var (actual, shape) = clipModel.Run(clip, [1, clip.Length], "waveform", "logits");

        Assert.Equal([windows.Length, Bands * WindowFrames], shape);
        double worst = windows.SelectMany(w => w).Zip(actual, (e, a) => Math.Abs(e - ((a * Std) + Mean))).Max();
        output.WriteLine($"{reference}, {samples} samples, {spectrogram.Frames} frames, {windows.Length} windows: max |Δ| {worst:G3} dB");
        Assert.True(worst < 0.01, $"max |Δ| = {worst} dB");
    }

    [Fact]
    public void Interface_is_one_dynamic_waveform_and_clip_and_window_outputs()
    {
        var summary = OnnxModelInspector.Inspect(OnnxExporter.ExportToBytes(TinyNet(), ClipOptions(Features(DbReference.Max)) with { Verify = false }));

        Assert.Equal("waveform: float32[1, S]", Assert.Single(summary.Inputs).ToString());
        Assert.Equal(
            ["logits: float32[W, 10]", "window_probabilities: float32[W, 10]", "probabilities: float32[1, 10]", "embedding: float32[1, 4]"],
            summary.Outputs.Select(o => o.ToString()));
        Assert.Equal(17, summary.Opsets[""]);
        Assert.Equal(1, summary.OperatorHistogram["Range"]);
        Assert.Equal(ClipLevelModel.WaveformInputKind, summary.Metadata[ClipLevelModel.InputKindMetadataKey]);
    }

    [Fact]
    public void Clip_level_settings_that_do_not_fit_are_listed()
    {
        var options = WindowOptions with { ClipWindowHop = 0, DynamicFrames = true, WindowProbabilitiesName = "probabilities",
            Metadata = new Dictionary<string, string> { [ClipLevelModel.InputKindMetadataKey] = "logmel" } };

        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(TinyNet(), options));

        Assert.Contains("ClipWindowHop must be at least 1", error.Message);
        Assert.Contains("needs WaveformFrontEnd", error.Message);
        Assert.Contains("DynamicFrames does not apply", error.Message);
        Assert.Contains("WindowProbabilitiesName", error.Message);
        Assert.Contains(ClipLevelModel.InputKindMetadataKey, error.Message);
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());
}
