namespace GenreML.Audio;

/// <summary>
/// Mono audio as 32-bit float samples in [-1, 1] at a known sample rate. Decoders downmix every
/// input to mono by averaging its channels and record what the source looked like.
/// </summary>
public sealed class AudioSignal
{
    /// <summary>Creates a signal; <paramref name="samples"/> is taken as is, not copied.</summary>
    public AudioSignal(float[] samples, int sampleRate, int sourceChannels = 1, string? warning = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceChannels);
        Samples = samples;
        SampleRate = sampleRate;
        SourceChannels = sourceChannels;
        Warning = warning;
    }

    /// <summary>The mono samples.</summary>
    public float[] Samples { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>How many channels the source had before the downmix.</summary>
    public int SourceChannels { get; }

    /// <summary>
    /// Null for a complete file; otherwise what the decoder could not read (a truncated file is
    /// decoded as far as it goes and says so here, see <see cref="Decoding.MonoAudioSource"/>).
    /// </summary>
    public string? Warning { get; }

    /// <summary>The length of the signal.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
