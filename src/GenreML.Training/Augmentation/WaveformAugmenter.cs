using NWaves.Filters.BiQuad;
using NWaves.Operations;
using NWaves.Operations.Tsm;
using NWaves.Signals;

namespace GenreML.Training.Augmentation;

/// <summary>
/// Applies a <see cref="WaveformVariant"/> to a mono waveform with NWaves: one phase-vocoder time stretch (phase
/// locking) by <c>stretch · r</c> followed by a resampling by <c>r = 2^(semitones/12)</c> gives both the pitch
/// shift and the time stretch in one pass; then a peaking EQ band (NWaves biquad). A global gain is not offered:
/// the features are dB relative to the clip's maximum, which removes any gain exactly.
/// </summary>
public static class WaveformAugmenter
{
    /// <summary>The transformed copy of <paramref name="samples"/> (at <paramref name="sampleRate"/>), about <c>Stretch</c> times as long.</summary>
    public static float[] Apply(float[] samples, int sampleRate, WaveformVariant variant)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        if (samples.Length == 0) return [];
        double ratio = Math.Pow(2, variant.PitchSemitones / 12);
        float[] result = samples;
        double tsm = variant.Stretch * ratio;
        if (Math.Abs(tsm - 1) > 1e-6)
        {
            result = Operation.TimeStretch(new DiscreteSignal(sampleRate, result), tsm, TsmAlgorithm.PhaseVocoderPhaseLocking).Samples;

            // NWaves' vocoder output starts aligned but runs about one FFT frame long; keep the stretched duration.
            int length = (int)Math.Round(samples.Length * tsm);
            if (result.Length > length) result = result[..length];
        }

        if (Math.Abs(ratio - 1) > 1e-6)
        {
            // Played r times faster: declared at sampleRate·r and brought back to sampleRate.
            result = GenreML.Audio.Resampling.Resampler.Resample(result, (int)Math.Round(sampleRate * ratio), sampleRate);
        }

        if (Math.Abs(variant.EqGainDb) > 1e-6)
        {
            var band = new PeakFilter(variant.EqFrequencyHz / sampleRate, WaveformVariant.EqQ, variant.EqGainDb);
            result = band.ApplyTo(new DiscreteSignal(sampleRate, result)).Samples;
        }

        return result;
    }
}
