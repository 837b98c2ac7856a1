namespace GenreML.Audio.Decoding;

/// <summary>The STREAMINFO metadata block (RFC 9639 §8.2): what every frame may refer back to.</summary>
internal sealed record FlacStreamInfo(int MinBlockSize, int MaxBlockSize, int MaxFrameSize, int SampleRate, int Channels, int BitsPerSample, long TotalSamples)
{
    /// <summary>Length of the block's body.</summary>
    public const int Length = 34;

    /// <summary>Parses the 34-byte body; throws <see cref="AudioFormatException"/> for values the format forbids.</summary>
    public static FlacStreamInfo Parse(ReadOnlySpan<byte> body, string source)
    {
        int minBlock = (body[0] << 8) | body[1];
        int maxBlock = (body[2] << 8) | body[3];
        int maxFrame = (body[7] << 16) | (body[8] << 8) | body[9];
        int rate = (body[10] << 12) | (body[11] << 4) | (body[12] >> 4);
        int channels = ((body[12] >> 1) & 7) + 1;
        int bits = (((body[12] & 1) << 4) | (body[13] >> 4)) + 1;
        long total = ((long)(body[13] & 0x0F) << 32) | ((long)body[14] << 24) | ((long)body[15] << 16) | ((long)body[16] << 8) | body[17];
        if (maxBlock < 16 || maxBlock < minBlock)
        {
            throw new AudioFormatException(source, $"the FLAC STREAMINFO block sizes are {minBlock}–{maxBlock}; the maximum must be at least 16 and not below the minimum");
        }

        if (bits < 4)
        {
            throw new AudioFormatException(source, $"the FLAC STREAMINFO declares {bits} bits per sample; FLAC has 4–32");
        }

        DecoderLimits.CheckLayout(source, channels, rate);
        return new FlacStreamInfo(minBlock, maxBlock, maxFrame, rate, channels, bits, total);
    }
}
