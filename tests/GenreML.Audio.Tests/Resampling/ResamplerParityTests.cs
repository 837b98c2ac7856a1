using System.Text.Json;
using GenreML.Audio.Resampling;
using GenreML.Audio.Tests.Fixtures;
using Xunit.Abstractions;

namespace GenreML.Audio.Tests.Resampling;

/// <summary>Parity with torchaudio 0.13's <c>functional.resample</c> defaults on a [-1, 1] signal.</summary>
public sealed class ResamplerParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(16000)]
    public void MatchesTorchaudio(int fromRate)
    {
        JsonElement c = FixtureFiles.Manifest.GetProperty("resample").EnumerateArray().Single(e => e.GetProperty("fromRate").GetInt32() == fromRate);
        float[] input = FixtureFiles.ReadPcm16(c.GetProperty("input").GetString()!);
        float[] expected = FixtureFiles.ReadFloat32(c.GetProperty("output").GetString()!);

        float[] actual = new Resampler(fromRate, c.GetProperty("toRate").GetInt32()).Process(input);

        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - (double)a)).Max();
        output.WriteLine($"{fromRate} → 22050: max |Δ| = {worst:E2}");
        Assert.True(worst <= Tolerance, $"max |Δ| = {worst}");
    }
}
