using GenreML.Audio.Features;
using GenreML.Audio.Tests.Fixtures;
using NWaves.Filters.Fda;
using NWaves.Transforms;
using Xunit.Abstractions;

namespace GenreML.Audio.Tests.Features;

/// <summary>
/// An independent oracle for the front end: the training features (librosa's defaults, dB relative to the clip's
/// maximum) computed with NWaves' pieces — its <see cref="RealFft"/> power spectrum and its Slaney Mel filter bank
/// (<see cref="FilterBanks.MelBankSlaney"/>) — around our centring (zero padding by n_fft/2) and periodic Hann window,
/// compared with <see cref="LogMelExtractor"/> on the committed clip.
/// </summary>
public sealed class NWavesOracleTests(ITestOutputHelper output)
{
    private static readonly LogMelOptions Options = LogMelOptions.Librosa with { DbReference = DbReference.Max };

    [Fact]
    public void Log_mel_of_nwaves_pieces_matches_the_extractor_within_a_hundredth_of_a_db()
    {
        float[] signal = FixtureFiles.ReadPcm16("signal_22050.i16");
        Spectrogram ours = new LogMelExtractor(Options).Compute(signal);
        float[][] oracle = NWavesLogMel(signal);

        Assert.Equal(Options.MelBands, ours.Bands);
        Assert.Equal(oracle.Length, ours.Frames);
        double largest = 0;
        for (int t = 0; t < ours.Frames; t++)
        {
            for (int b = 0; b < ours.Bands; b++)
            {
                largest = Math.Max(largest, Math.Abs(ours[b, t] - oracle[t][b]));
            }
        }

        output.WriteLine($"{ours.Frames} frames × {ours.Bands} bands: largest difference {largest:G3} dB");
        Assert.True(largest <= 0.01, $"log-Mel differs from the NWaves oracle by up to {largest:G3} dB");
    }

    /// <summary>Frames × bands log-Mel in dB relative to the maximum, top_db 80.</summary>
    private static float[][] NWavesLogMel(float[] signal)
    {
        int n = Options.FftSize, hop = Options.HopLength, half = n / 2;
        var padded = new float[signal.Length + n];
        signal.CopyTo(padded, half);
        var window = Enumerable.Range(0, n).Select(i => (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n))).ToArray();
        float[][] bank = FilterBanks.MelBankSlaney(Options.MelBands, n, Options.SampleRate, Options.FMin, Options.EffectiveFMax, normalizeGain: true);
        var fft = new RealFft(n);
        int frames = 1 + signal.Length / hop;
        var mel = new float[frames][];
        var frame = new float[n];
        var power = new float[half + 1];
        for (int t = 0; t < frames; t++)
        {
            for (int i = 0; i < n; i++) frame[i] = padded[t * hop + i] * window[i];
            fft.PowerSpectrum(frame, power, normalize: false);
            mel[t] = new float[Options.MelBands];
            FilterBanks.Apply(bank, power, mel[t]);
        }

        double reference = mel.SelectMany(m => m).Max();
        double top = 10 * Math.Log10(Math.Max(Options.AMin, reference));
        return mel.Select(m => m.Select(v =>
        {
            double db = 10 * Math.Log10(Math.Max(Options.AMin, v)) - top;
            return (float)Math.Max(db, -Options.TopDb!.Value);
        }).ToArray()).ToArray();
    }
}
