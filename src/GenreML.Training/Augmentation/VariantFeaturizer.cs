using GenreML.Audio.Features;
using GenreML.Training.Engine;

namespace GenreML.Training.Augmentation;

/// <summary>
/// The log-Mel spectrogram of variant <see cref="Index"/> of a clip: decode and resample with the run's
/// <see cref="ClipFeaturizer"/>, transform with <see cref="WaveformAugmenter"/> (parameters from
/// <see cref="WaveformVariant.Draw"/>), then the same log-Mel. Wrap it in a <see cref="Features.FeatureCache"/>
/// with <see cref="CacheKey"/>: time stretch and pitch shift are slow, so each variant is computed once.
/// </summary>
public sealed class VariantFeaturizer : IClipFeaturizer
{
    private readonly ClipFeaturizer _front;
    private readonly TrainingOptions _options;

    /// <summary>Variant <paramref name="index"/> (1-based) with <paramref name="options"/>' augmentation settings.</summary>
    public VariantFeaturizer(ClipFeaturizer front, TrainingOptions options, int index)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        _front = front;
        _options = options;
        Index = index;
    }

    /// <summary>The variant's index (1-based).</summary>
    public int Index { get; }

    /// <summary>What, besides the feature settings and the file's bytes, decides this featurizer's output.</summary>
    public string CacheKey => WaveformVariant.SettingsKey(Index, _options);

    /// <inheritdoc />
    public LogMelOptions Options => _front.Options;

    /// <inheritdoc />
    public Spectrogram Featurize(string path)
    {
        var signal = _front.Load(path);
        var variant = WaveformVariant.Draw(Path.GetFileName(path), Index, _options);
        return _front.Compute(new GenreML.Audio.AudioSignal(WaveformAugmenter.Apply(signal.Samples, signal.SampleRate, variant), signal.SampleRate));
    }
}
