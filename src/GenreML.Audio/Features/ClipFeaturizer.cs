using GenreML.Audio.Decoding;
using GenreML.Audio.Decoding.IO;
using GenreML.Audio.Resampling;

namespace GenreML.Audio.Features;

/// <summary>
/// The one path from audio to features that training, ML.NET, the embeddable classifier and the CLI
/// all share: decode (any format <see cref="AudioDecoder"/> reads) → mono → resample to
/// <see cref="LogMelOptions.SampleRate"/> → log-Mel spectrogram with exactly <see cref="Options"/>.
/// <see cref="Open(string)"/> streams a clip of any length in bounded memory (<see cref="LogMelStream"/>);
/// <see cref="Featurize(string)"/> and <see cref="Load(string)"/> hold the whole clip (training's 30-second clips).
/// Both compute every sample and frame with the same code, so they give the same values.
/// Immutable and safe to use from several threads at once.
/// </summary>
public sealed class ClipFeaturizer : IClipFeaturizer
{
    private readonly LogMelExtractor _extractor;

    /// <summary>Creates a featurizer for <paramref name="options"/> (validated).</summary>
    /// <param name="options">The feature settings.</param>
    /// <param name="singlePassBytes">Mel frames a clip <see cref="Open(string)"/>ed may keep from its first pass so that it is decoded only
    /// once (<see cref="LogMelStream.KeepBytes"/> by default, about 12 minutes; 0 decodes every clip twice).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="singlePassBytes"/> is negative.</exception>
    public ClipFeaturizer(LogMelOptions options, long singlePassBytes = LogMelStream.KeepBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(singlePassBytes);
        _extractor = new LogMelExtractor(options);
        SinglePassBytes = singlePassBytes;
    }

    /// <summary>Mel frames (bytes) a clip may keep from its first pass so that it is decoded only once.</summary>
    public long SinglePassBytes { get; }

    /// <summary>The feature settings.</summary>
    public LogMelOptions Options => _extractor.Options;

    /// <summary>
    /// Opens the audio file at <paramref name="path"/> as a log-Mel stream: decodes, resamples and computes its
    /// frames once (pass 1) to learn the clip's largest value, length and level; the blocks are then read from it.
    /// </summary>
    /// <exception cref="AudioFormatException">The file cannot be decoded; the message names it and the reason.</exception>
    public LogMelStream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AudioDecodeOptions options = AudioDecodeOptions.FromEnvironment();
        return LogMelStream.Open(_extractor, () => AudioDecoder.Open(path, options), keepBytes: SinglePassBytes);
    }

    /// <summary>
    /// Opens encoded audio read from <paramref name="stream"/> (described as <paramref name="sourceName"/> in errors)
    /// as a log-Mel stream. A seekable stream is read twice from its current position; any other is first copied
    /// to a temporary file, deleted when the returned stream is disposed. The caller keeps owning <paramref name="stream"/>.
    /// </summary>
    /// <exception cref="AudioFormatException">The stream cannot be decoded.</exception>
    public LogMelStream Open(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        AudioDecodeOptions options = AudioDecodeOptions.FromEnvironment();
        if (stream.CanSeek)
        {
            long start = stream.Position;
            return LogMelStream.Open(_extractor, () =>
            {
                stream.Position = start;
                return AudioDecoder.Open(stream, sourceName, options);
            }, keepBytes: SinglePassBytes);
        }

        SpooledCopy spool = SpooledCopy.Of(stream, sourceName);
        return LogMelStream.Open(_extractor, () => spool.Open(sourceName, options), spool, SinglePassBytes);
    }

    /// <summary>Opens a decoded signal (any rate) as a log-Mel stream.</summary>
    /// <exception cref="AudioFormatException">The signal has no samples.</exception>
    public LogMelStream Open(AudioSignal signal, string sourceName = "signal")
    {
        ArgumentNullException.ThrowIfNull(signal);
        return LogMelStream.Open(_extractor, () => MonoAudioSource.FromSignal(signal, sourceName), keepBytes: SinglePassBytes);
    }

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
