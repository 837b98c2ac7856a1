using System.Text.Json;
using GenreML.Audio.Features;
using GenreML.Audio.Tests.Fixtures;
using Xunit.Abstractions;

namespace GenreML.Audio.Tests.Features;

/// <summary>
/// Parity with torchaudio's MelSpectrogram (float64) and librosa's power_to_db over a grid of
/// n_fft × hop × n_mels × Mel scale × norm, plus padding, magnitude, reference, window and band-edge variants.
/// Tolerance: 0.05 dB on every bin within 60 dB of the clip's maximum.
/// </summary>
public sealed class LogMelParityTests(ITestOutputHelper output)
{
    private const double ToleranceDb = 0.05;
    private const double RangeDb = 60;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in FixtureFiles.Manifest.GetProperty("mel").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTorchaudioWithLibrosaDecibels(string name)
    {
        JsonElement c = FixtureFiles.Manifest.GetProperty("mel").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        LogMelOptions options = c.GetProperty("options").Deserialize<LogMelOptions>()!;
        float[] signal = FixtureFiles.ReadPcm16(FixtureFiles.Manifest.GetProperty("signal").GetProperty("file").GetString()!);
        float[] expected = FixtureFiles.ReadFloat32(c.GetProperty("file").GetString()!);

        Spectrogram actual = new LogMelExtractor(options).Compute(signal);

        Assert.Equal(c.GetProperty("bands").GetInt32(), actual.Bands);
        Assert.Equal(c.GetProperty("frames").GetInt32(), actual.Frames);
        float max = expected.Max();
        double worst = 0, worstAll = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs(actual.Data[i] - expected[i]);
            worstAll = Math.Max(worstAll, diff);
            if (expected[i] >= max - RangeDb)
            {
                worst = Math.Max(worst, diff);
            }
        }

        output.WriteLine($"{name}: max |Δ| = {worst:E2} dB within {RangeDb} dB of the maximum, {worstAll:E2} dB over all bins");
        Assert.True(worst <= ToleranceDb, $"{name}: max |Δ| = {worst} dB > {ToleranceDb} dB");
    }

    [Fact]
    public void FilterBanksMatchTorchaudioMelscaleFbanks()
    {
        foreach (JsonElement b in FixtureFiles.Manifest.GetProperty("melBanks").EnumerateArray())
        {
            float[] expected = FixtureFiles.ReadFloat32(b.GetProperty("file").GetString()!);
            float[,] bank = MelFilterBank.Create(
                b.GetProperty("sampleRate").GetInt32(), b.GetProperty("fftSize").GetInt32(), b.GetProperty("bands").GetInt32(),
                b.GetProperty("fMin").GetDouble(), b.GetProperty("fMax").GetDouble(),
                Enum.Parse<MelScale>(b.GetProperty("scale").GetString()!), Enum.Parse<MelNorm>(b.GetProperty("norm").GetString()!));
            int bins = bank.GetLength(1);
            Assert.Equal(expected.Length, bank.Length);
            double worst = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(bank[i / bins, i % bins] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i]) * 1e3));
            }

            output.WriteLine($"{b.GetProperty("file").GetString()}: max scaled |Δ| = {worst:E2}");
            Assert.True(worst < 1e-6, $"{b.GetProperty("file").GetString()}: max |Δ| {worst}");
        }
    }
}
