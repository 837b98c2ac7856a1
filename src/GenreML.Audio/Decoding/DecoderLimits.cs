namespace GenreML.Audio.Decoding;

/// <summary>
/// The bounds the decoders accept; a header outside them is reported as a bad file rather than
/// trusted. They are wide enough for every real recording format and narrow enough that a corrupt
/// header cannot make a decoder allocate or loop absurdly.
/// </summary>
public static class DecoderLimits
{
    /// <summary>Most channels a file may have: 64.</summary>
    public const int MaxChannels = 64;

    /// <summary>Lowest sample rate accepted: 1 000 Hz.</summary>
    public const int MinSampleRate = 1_000;

    /// <summary>Highest sample rate accepted: 768 000 Hz.</summary>
    public const int MaxSampleRate = 768_000;

    /// <summary>Throws <see cref="AudioFormatException"/> unless the channel count and rate are within bounds.</summary>
    internal static void CheckLayout(string source, long channels, long sampleRate)
    {
        if (channels <= 0)
        {
            throw new AudioFormatException(source, "the header declares zero channels");
        }

        if (channels > MaxChannels)
        {
            throw new AudioFormatException(source, $"the header declares {channels} channels; at most {MaxChannels} are supported");
        }

        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
        {
            throw new AudioFormatException(source, $"the header declares a sample rate of {sampleRate} Hz; supported rates are {MinSampleRate}–{MaxSampleRate} Hz");
        }
    }
}
