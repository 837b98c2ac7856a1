using GenreML.Audio.Features;
using GenreML.Training.Augmentation;
using GenreML.Training.Data;
using GenreML.Training.Engine;
using GenreML.Training.Features;

namespace GenreML.Training.Tests;

/// <summary>The NWaves waveform augmentation: its parameters, what each operation does to a tone, the cache key and the draw.</summary>
public sealed class WaveformAugmentationTests
{
    private const int Rate = 22050;

    [Fact]
    public void Variants_are_drawn_from_the_clip_name_and_index_within_the_ranges_and_not_from_the_seed()
    {
        var options = TrainingOptions.DefaultPreset with { PitchShiftSemitones = 2, TimeStretchRange = 0.1, EqGainDb = 6 };
        var drawn = Enumerable.Range(1, 50).Select(i => WaveformVariant.Draw("blues.00001.mp3", i, options)).ToList();
        Assert.All(drawn, v =>
        {
            Assert.InRange(v.PitchSemitones, -2, 2);
            Assert.InRange(v.Stretch, 0.9, 1.1);
            Assert.InRange(v.EqFrequencyHz, WaveformVariant.EqLowHz, WaveformVariant.EqHighHz);
            Assert.InRange(v.EqGainDb, -6, 6);
        });
        Assert.Equal(50, drawn.Distinct().Count());
        Assert.Equal(drawn[0], WaveformVariant.Draw("blues.00001.mp3", 1, options with { Seed = 99 }));
        Assert.NotEqual(drawn[0], WaveformVariant.Draw("blues.00002.mp3", 1, options));
        Assert.NotEqual(WaveformVariant.SettingsKey(1, options), WaveformVariant.SettingsKey(1, options with { PitchShiftSemitones = 1 }));
        Assert.NotEqual(WaveformVariant.SettingsKey(1, options), WaveformVariant.SettingsKey(2, options));
    }

    [Fact]
    public void Time_stretch_changes_the_length_and_keeps_the_pitch()
    {
        float[] tone = Tone(440, 2.0);
        float[] stretched = WaveformAugmenter.Apply(tone, Rate, new WaveformVariant(0, 1.1, 1000, 0));
        Assert.InRange(stretched.Length, 1.08 * tone.Length, 1.12 * tone.Length);
        Assert.InRange(Frequency(stretched), 430, 450);
    }

    [Fact]
    public void Pitch_shift_moves_the_frequency_and_keeps_the_length()
    {
        float[] tone = Tone(440, 2.0);
        float[] shifted = WaveformAugmenter.Apply(tone, Rate, new WaveformVariant(2, 1.0, 1000, 0));
        Assert.InRange(shifted.Length, 0.98 * tone.Length, 1.02 * tone.Length);
        Assert.InRange(Frequency(shifted), 440 * Math.Pow(2, 2 / 12.0) - 10, 440 * Math.Pow(2, 2 / 12.0) + 10);
    }

    [Fact]
    public void The_eq_band_boosts_its_centre_and_leaves_far_frequencies_alone()
    {
        var boost = new WaveformVariant(0, 1.0, 2000, 12);
        double atCentre = Rms(WaveformAugmenter.Apply(Tone(2000, 1.0), Rate, boost)) / Rms(Tone(2000, 1.0));
        double farBelow = Rms(WaveformAugmenter.Apply(Tone(100, 1.0), Rate, boost)) / Rms(Tone(100, 1.0));
        Assert.InRange(20 * Math.Log10(atCentre), 11, 13);
        Assert.InRange(20 * Math.Log10(farBelow), -0.5, 1);
    }

    [Fact]
    public void A_clip_without_variants_is_itself_and_draws_nothing()
    {
        var clip = new NormalizedClip(new LabeledClip("a.wav", "x"), 0, new float[4], 2, 2);
        var rng = new Random(5);
        Assert.Same(clip, WaveformVariantChoice.Pick(clip, rng));
        Assert.Equal(new Random(5).Next(), rng.Next());

        var withVariants = clip with { Variants = [clip with { Frames = 1, Data = new float[2] }] };
        var picks = Enumerable.Range(0, 200).Select(_ => WaveformVariantChoice.Pick(withVariants, rng)).ToList();
        Assert.InRange(picks.Count(p => p.Frames == 1), 70, 130);
    }

    [Fact]
    public void The_cache_keys_variants_apart_from_the_plain_features()
    {
        using var tmp = new TempDirectory();
        SyntheticFeaturizer.WriteDataset(tmp.Combine("data"), classes: 2, perClass: 1);
        string file = Directory.GetFiles(tmp.Combine("data"), "*.wav", SearchOption.AllDirectories)[0];
        var inner = new SyntheticFeaturizer(2);
        var plain = new FeatureCache(inner, tmp.Combine("cache"));
        var first = new FeatureCache(inner, tmp.Combine("cache"), "variant 1");
        var again = new FeatureCache(inner, tmp.Combine("cache"), "variant 1");
        var second = new FeatureCache(inner, tmp.Combine("cache"), "variant 2");
        foreach (var cache in new[] { plain, first, again, second }) cache.Featurize(file);
        Assert.Equal((0, 1), (plain.Hits, plain.Misses));
        Assert.Equal((0, 1), (first.Hits, first.Misses));
        Assert.Equal((1, 0), (again.Hits, again.Misses));
        Assert.Equal((0, 1), (second.Hits, second.Misses));
    }

    [Fact]
    public void The_variant_featurizer_computes_the_log_mel_of_the_transformed_waveform()
    {
        using var tmp = new TempDirectory();
        string file = tmp.Combine("tone.wav");
        GenreML.Audio.Decoding.WavWriter.Write(file, Tone(440, 1.5), Rate);
        var front = new ClipFeaturizer(LogMelOptions.Librosa with { DbReference = DbReference.Max });
        var options = TrainingOptions.DefaultPreset with { TimeStretchRange = 0.3, PitchShiftSemitones = 0 };
        var variant = new VariantFeaturizer(front, options, 1);
        var drawn = WaveformVariant.Draw("tone.wav", 1, options);
        Spectrogram plain = front.Featurize(file), augmented = variant.Featurize(file);
        Assert.Equal(plain.Bands, augmented.Bands);
        Assert.InRange(augmented.Frames, (int)(plain.Frames * drawn.Stretch) - 2, (int)(plain.Frames * drawn.Stretch) + 2);
    }

    private static float[] Tone(double hz, double seconds) =>
        Enumerable.Range(0, (int)(seconds * Rate)).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * hz * i / Rate))).ToArray();

    private static double Rms(float[] x)
    {
        var middle = x.AsSpan(x.Length / 4, x.Length / 2);
        double sum = 0;
        foreach (float v in middle) sum += v * v;
        return Math.Sqrt(sum / middle.Length);
    }

    /// <summary>Frequency from the rising zero crossings of the middle half.</summary>
    private static double Frequency(float[] x)
    {
        int from = x.Length / 4, to = 3 * x.Length / 4, first = -1, last = -1, count = 0;
        for (int i = from + 1; i < to; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                if (first < 0) first = i;
                last = i;
                count++;
            }
        }

        return (count - 1) * (double)Rate / (last - first);
    }
}
