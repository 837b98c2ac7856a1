using System.Buffers.Binary;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Reads Sun/NeXT AU (".snd") files in pure managed code: big-endian linear PCM of 8 (signed), 16,
/// 24 and 32 bits, float 32/64, G.711 μ-law (encoding 1) and A-law (27); also the rare
/// little-endian variant with the magic "dns.". Channels are downmixed to mono by their mean, at
/// the file's own rate.
/// </summary>
/// <remarks>
/// The header's data offset is honoured (the annotation before it is skipped). A data size of
/// 0xFFFFFFFF means "unknown": the audio runs to the end of the file. Any other size is binding for
/// where the audio ends; bytes after the declared data are not read. A file that ends before the
/// declared size or inside a frame is decoded as far as it goes with a truncation warning (see
/// <see cref="MonoAudioSource"/>). An empty data section is an error.
/// </remarks>
public static class AuDecoder
{
    private const int HeaderSize = 24;
    private const uint UnknownSize = 0xFFFFFFFF;

    /// <summary>Largest annotation accepted between the header and the audio: 16 MiB.</summary>
    private const uint MaxDataOffset = 16 << 20;

    /// <summary>Decodes the AU file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable or not a supported AU file.</exception>
    public static AudioSignal Read(string path) => WholeFileRead.FromPath(path, Read);

    /// <summary>Decodes an AU file from <paramref name="stream"/> (seekable or not), naming it <paramref name="sourceName"/> in errors.</summary>
    /// <exception cref="AudioFormatException">The content is not a supported AU file.</exception>
    public static AudioSignal Read(Stream stream, string sourceName) => WholeFileRead.FromStream(stream, sourceName, Open);

    /// <summary>Reads the header and returns the streaming source of the audio that follows.</summary>
    internal static MonoAudioSource Open(Stream stream, string source)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        int got = StreamReading.ReadUpTo(stream, header);
        if (got == 0)
        {
            throw new AudioFormatException(source, "the file is empty (0 bytes)");
        }

        if (got >= 4 && !IsMagic(header, out _))
        {
            throw new AudioFormatException(source, $"not an AU file: it starts with 0x{BinaryPrimitives.ReadUInt32BigEndian(header):X8} instead of \".snd\"");
        }

        if (got < HeaderSize)
        {
            throw new AudioFormatException(source, $"the file is {got} bytes, too short for the {HeaderSize}-byte AU header");
        }

        IsMagic(header, out bool bigEndian);
        uint dataOffset = Field(header, 1, bigEndian);
        uint dataSize = Field(header, 2, bigEndian);
        uint encoding = Field(header, 3, bigEndian);
        uint sampleRate = Field(header, 4, bigEndian);
        uint channels = Field(header, 5, bigEndian);

        DecoderLimits.CheckLayout(source, channels, sampleRate);
        SampleFormat format = SampleFormatOf(encoding, bigEndian, source);
        if (dataOffset < HeaderSize || dataOffset > MaxDataOffset)
        {
            throw new AudioFormatException(source, $"the header puts the audio at byte {dataOffset}; it must be {HeaderSize}–{MaxDataOffset} (after the header and annotation)");
        }

        long annotation = dataOffset - HeaderSize;
        long skipped = StreamReading.Skip(stream, annotation);
        if (skipped < annotation)
        {
            throw new AudioFormatException(source, $"the header puts the audio at byte {dataOffset}, but the file has only {HeaderSize + skipped} bytes");
        }

        long? declared = dataSize == UnknownSize ? null : dataSize;
        return new PcmSource(stream, format, (int)channels, (int)sampleRate, declared, source, "AU");
    }

    private static bool IsMagic(ReadOnlySpan<byte> header, out bool bigEndian)
    {
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        bigEndian = magic == 0x2E736E64; // ".snd"
        return bigEndian || magic == 0x646E732E; // "dns." (little-endian variant)
    }

    private static uint Field(ReadOnlySpan<byte> header, int index, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(header[(index * 4)..])
        : BinaryPrimitives.ReadUInt32LittleEndian(header[(index * 4)..]);

    private static SampleFormat SampleFormatOf(uint encoding, bool bigEndian, string source) => encoding switch
    {
        1 => new SampleFormat(SampleEncoding.MuLaw, 1, bigEndian),
        2 => new SampleFormat(SampleEncoding.SignedInteger, 1, bigEndian),
        3 => new SampleFormat(SampleEncoding.SignedInteger, 2, bigEndian),
        4 => new SampleFormat(SampleEncoding.SignedInteger, 3, bigEndian),
        5 => new SampleFormat(SampleEncoding.SignedInteger, 4, bigEndian),
        6 => new SampleFormat(SampleEncoding.Float, 4, bigEndian),
        7 => new SampleFormat(SampleEncoding.Float, 8, bigEndian),
        27 => new SampleFormat(SampleEncoding.ALaw, 1, bigEndian),
        _ => throw new AudioFormatException(source, $"AU encoding {encoding}{EncodingName(encoding)} is not supported; supported are 1 (μ-law), 2–5 (8–32-bit PCM), 6–7 (float) and 27 (A-law)"),
    };

    private static string EncodingName(uint encoding) => encoding switch
    {
        8 => " (fragmented samples)",
        10 or 11 or 12 or 13 => " (DSP program/fixed point)",
        23 or 24 or 25 or 26 => " (G.721/G.722/G.723 ADPCM)",
        _ => "",
    };
}
