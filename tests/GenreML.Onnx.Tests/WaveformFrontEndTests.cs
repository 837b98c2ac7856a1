using System.Text.Json;
using GenreML.Audio.Features;
using GenreML.Onnx.Export;
using GenreML.Onnx.Inspection;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

public sealed class WaveformFrontEndTests
{
    private sealed record ReferenceCase(
        string Name, int SampleRate, int FftSize, int HopLength, int WindowLength, string PadMode, string Spectrum, int MelBands,
        double FMin, double? FMax, string MelScale, string MelNorm, string DbReference, double AMin, double? TopDb, int Frames, float[][] LogMel)
    {
        public LogMelOptions Options => new()
        {
            SampleRate = SampleRate, FftSize = FftSize, HopLength = HopLength, WindowLength = WindowLength,
            PadMode = Enum.Parse<PadMode>(PadMode), Spectrum = Enum.Parse<SpectrumKind>(Spectrum), MelBands = MelBands,
            FMin = FMin, FMax = FMax, MelScale = Enum.Parse<MelScale>(MelScale), MelNorm = Enum.Parse<MelNorm>(MelNorm),
            DbReference = Enum.Parse<DbReference>(DbReference), AMin = AMin, TopDb = TopDb,
        };
    }

    private sealed record Reference(int SignalLength, ReferenceCase[] Cases);

    private static readonly Reference Fixture = JsonSerializer.Deserialize<Reference>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "logmel_reference.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    /// <summary>The test signal of Fixtures/make_logmel_reference.py.</summary>
    private static float[] Signal(int sampleRate) => [.. Enumerable.Range(0, Fixture.SignalLength).Select(i =>
    {
        double n = i;
        double tone = 0.5 * Math.Sin(2 * Math.PI * 440 * n / sampleRate);
        double chirp = 0.25 * Math.Sin(2 * Math.PI * (200 + (3000 * n / Fixture.SignalLength)) * n / sampleRate);
        double ramp = 0.05 * ((n * 7919 % 1000 / 500) - 1);
        return (float)(tone + chirp + ramp);
    })];

    private static byte[] FrontEndOnly(LogMelOptions frontEnd, int frames, bool dynamic = true) => OnnxExporter.ExportToBytes(
        Sequential(("id", Identity())),
        new OnnxExportOptions { MelBands = frontEnd.MelBands, Frames = frames, DynamicFrames = dynamic, WaveformFrontEnd = frontEnd });

    public static TheoryData<string> CaseNames() => [.. Fixture.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void In_graph_front_end_matches_torchaudio(string name)
    {
        var reference = Fixture.Cases.Single(c => c.Name == name);
        using var runner = new OnnxRuntimeRunner(FrontEndOnly(reference.Options, reference.Frames));
        float[] signal = Signal(reference.SampleRate);

        var (logMel, shape) = runner.Run(signal, [1, signal.Length], "waveform");

        Assert.Equal([1, 1, reference.MelBands, reference.Frames], shape);
        double worst = 0;
        for (int band = 0; band < reference.MelBands; band++)
        {
            for (int frame = 0; frame < reference.Frames; frame++)
            {
                worst = Math.Max(worst, Math.Abs(logMel[(band * reference.Frames) + frame] - reference.LogMel[band][frame]));
            }
        }

        Assert.True(worst < 0.002, $"max |Δ| = {worst} dB");
    }

    [Fact]
    public void Waveform_model_equals_front_end_followed_by_the_network()
    {
        torch.manual_seed(71);
        var frontEnd = new LogMelOptions { FftSize = 256, HopLength = 64, WindowLength = 256, MelBands = 16 };
        var model = new Networks.DefaultLike();
        Networks.Train(model, [4, 1, 16, 24], steps: 2);
        var options = new OnnxExportOptions { MelBands = 16, Frames = 24, WaveformFrontEnd = frontEnd, NormalizationMean = -30, NormalizationStd = 20 };
        byte[] onnx = OnnxExporter.ExportToBytes(model, options);

        var summary = OnnxModelInspector.Inspect(onnx);
        Assert.Equal("waveform: float32[N, 1472]", Assert.Single(summary.Inputs).ToString());
        Assert.Equal(1, summary.OperatorHistogram["STFT"]);

        float[] waves = [.. Signal(22050).Take(1472), .. Signal(22050).Skip(1000).Take(1472).Select(v => v * 0.3f)];
        using var full = new OnnxRuntimeRunner(onnx);
        using var front = new OnnxRuntimeRunner(FrontEndOnly(frontEnd, 24, dynamic: false));
        var (logits, _) = full.Run(waves, [2, 1472], "waveform");
        var (logMel, melShape) = front.Run(waves, [2, 1472], "waveform");

        model.eval();
        using var noGrad = torch.no_grad();
        var expected = model.call((torch.tensor(logMel, melShape) + 30) / 20).data<float>().ToArray();
        Assert.True(expected.Zip(logits, (e, a) => Math.Abs(e - a)).Max() < 1e-4);
    }

    [Fact]
    public void Dynamic_waveform_length_is_symbolic()
    {
        var frontEnd = new LogMelOptions { FftSize = 256, HopLength = 64, WindowLength = 256, MelBands = 8 };
        var summary = OnnxModelInspector.Inspect(FrontEndOnly(frontEnd, 10));
        Assert.Equal("waveform: float32[N, S]", Assert.Single(summary.Inputs).ToString());
    }

    [Fact]
    public void Front_end_settings_that_do_not_fit_are_listed()
    {
        var options = new OnnxExportOptions
        {
            MelBands = 16, Frames = 1, Channels = 2,
            WaveformFrontEnd = new LogMelOptions { MelBands = 8, HopLength = 0, PadMode = PadMode.Reflect },
        };
        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(Sequential(("id", Identity())), options));
        Assert.Contains("HopLength", error.Message);
        Assert.Contains("must equal MelBands", error.Message);
        Assert.Contains("Channels", error.Message);
    }
}
