using GenreML.Audio.Features;
using GenreML.Audio.Decoding;
using GenreML.Audio.Resampling;

namespace GenreML.Audio.Features;

/// <summary>
/// The one path from audio to features that training, ML.NET, the embeddable classifier and the CLI
/// all share: decode (any format <see cref="AudioDecoder"/> reads) → mono → resample to
/// <see cref="LogMelOptions.SampleRate"/> → log-Mel spectrogram with exactly <see cref="Options"/>.
/// Immutable and safe to use from several threads at once.
/// </summary>
public sealed class ClipFeaturizer : IClipFeaturizer
{
    private readonly LogMelExtractor _extractor;

    /// <summary>Creates a featurizer for <paramref name="options"/> (validated).</summary>
    public ClipFeaturizer(LogMelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _extractor = new LogMelExtractor(options);
    }

    /// <summary>The feature settings.</summary>
    public LogMelOptions Options => _extractor.Options;

    /// <summary>Decodes <paramref name="path"/> and resamples it to the feature sample rate.</summary>
    /// <exception cref="AudioFormatException">The file cannot be decoded; the message names it and the reason.</exception>
    public AudioSignal Load(string path) => ToFeatureRate(AudioDecoder.Read(path));

    /// <summary>Decodes <paramref name="stream"/> (described as <paramref name="sourceName"/> in errors) and resamples it.</summary>
    /// <exception cref="AudioFormatException">The stream cannot be decoded.</exception>
    public AudioSignal Load(Stream stream, string sourceName) => ToFeatureRate(AudioDecoder.Read(stream, sourceName));

    /// <summary>Returns <paramref name="signal"/> at the feature sample rate (the same instance when it already is).</summary>
    public AudioSignal ToFeatureRate(AudioSignal signal) => Resampler.Resample(signal, Options.SampleRate);

    /// <summary>The log-Mel spectrogram of <paramref name="signal"/>, resampling first when needed.</summary>
    public Spectrogram Compute(AudioSignal signal) => _extractor.Compute(ToFeatureRate(signal).Samples);

    /// <summary>Decodes, resamples and computes the log-Mel spectrogram of the file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioFormatException">The file cannot be decoded.</exception>
    public Spectrogram Featurize(string path) => _extractor.Compute(Load(path).Samples);

    /// <summary>Decodes, resamples and computes the log-Mel spectrogram of <paramref name="stream"/>.</summary>
    /// <exception cref="AudioFormatException">The stream cannot be decoded.</exception>
    public Spectrogram Featurize(Stream stream, string sourceName) => _extractor.Compute(Load(stream, sourceName).Samples);
}
