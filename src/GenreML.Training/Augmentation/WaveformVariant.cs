using System.Security.Cryptography;
using System.Text;
using GenreML.Training.Engine;

namespace GenreML.Training.Augmentation;

/// <summary>
/// The parameters of one waveform-augmented version of a clip. They are drawn from the clip's file name, the
/// variant's index and the augmentation settings only (not the training seed), so every run, seed and fold
/// with the same settings reuses the same cached variants.
/// </summary>
/// <param name="PitchSemitones">Pitch shift in semitones (duration kept).</param>
/// <param name="Stretch">Time-stretch factor: output duration / input duration (pitch kept).</param>
/// <param name="EqFrequencyHz">Centre of the peaking EQ band.</param>
/// <param name="EqGainDb">Boost (positive) or cut of that band in dB.</param>
public sealed record WaveformVariant(double PitchSemitones, double Stretch, double EqFrequencyHz, double EqGainDb)
{
    /// <summary>Lowest centre frequency of the EQ band.</summary>
    public const double EqLowHz = 150;

    /// <summary>Highest centre frequency of the EQ band.</summary>
    public const double EqHighHz = 6000;

    /// <summary>Q of the EQ band (about 1.4 octaves wide).</summary>
    public const double EqQ = 1;

    /// <summary>
    /// Variant <paramref name="index"/> (1-based) of the clip named <paramref name="clipName"/>: pitch uniform in
    /// ±<see cref="TrainingOptions.PitchShiftSemitones"/>, stretch uniform in 1 ± <see cref="TrainingOptions.TimeStretchRange"/>,
    /// EQ centre log-uniform in 150–6000 Hz with a gain uniform in ±<see cref="TrainingOptions.EqGainDb"/>.
    /// </summary>
    public static WaveformVariant Draw(string clipName, int index, TrainingOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(clipName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{clipName}\n{index}"));
        var rng = new Random(BitConverter.ToInt32(hash, 0));
        double Uniform(double half) => (2 * rng.NextDouble() - 1) * half;
        double pitch = Uniform(options.PitchShiftSemitones);
        double stretch = 1 + Uniform(options.TimeStretchRange);
        double centre = EqLowHz * Math.Pow(EqHighHz / EqLowHz, rng.NextDouble());
        double gain = Uniform(options.EqGainDb);
        return new WaveformVariant(pitch, stretch, centre, gain);
    }

    /// <summary>The settings that decide the variants (part of the feature-cache key).</summary>
    public static string SettingsKey(int index, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FormattableString.Invariant($"wave-v2 variant {index} pitch ±{options.PitchShiftSemitones} stretch ±{options.TimeStretchRange} eq ±{options.EqGainDb} dB");
    }
}
