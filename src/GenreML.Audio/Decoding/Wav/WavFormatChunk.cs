using System.Buffers.Binary;

namespace GenreML.Audio.Decoding;

/// <summary>The parsed and validated <c>fmt </c> chunk of a WAV file.</summary>
internal sealed record WavFormatChunk(SampleFormat Sample, int Channels, int SampleRate)
{
    /// <summary>Largest <c>fmt </c> chunk accepted; real ones are 16, 18, 20 or 40 bytes.</summary>
    public const int MaxSize = 1024;

    private const ushort Pcm = 0x0001;
    private const ushort IeeeFloat = 0x0003;
    private const ushort ALaw = 0x0006;
    private const ushort MuLaw = 0x0007;
    private const ushort Extensible = 0xFFFE;

    /// <summary>Bytes 2..15 shared by every KSDATAFORMAT_SUBTYPE GUID derived from a format tag.</summary>
    private static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Parses the chunk body; throws <see cref="AudioFormatException"/> naming what is wrong.</summary>
    public static WavFormatChunk Parse(ReadOnlySpan<byte> body, string source)
    {
        if (body.Length < 16)
        {
            throw new AudioFormatException(source, $"the fmt chunk is {body.Length} bytes; it needs at least 16");
        }

        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        int validBits = bits;

        if (tag == Extensible)
        {
            if (body.Length < 40)
            {
                throw new AudioFormatException(source, $"the fmt chunk declares WAVE_FORMAT_EXTENSIBLE but is {body.Length} bytes; it needs 40");
            }

            if (!body.Slice(26, 14).SequenceEqual(SubFormatGuidTail))
            {
                throw new AudioFormatException(source, $"WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(body.Slice(24, 16))} is not a known audio encoding; supported are PCM, IEEE float, A-law and μ-law");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
            int declaredValid = BinaryPrimitives.ReadUInt16LittleEndian(body[18..]);
            if (declaredValid > bits)
            {
                throw new AudioFormatException(source, $"WAVE_FORMAT_EXTENSIBLE declares {declaredValid} valid bits in a {bits}-bit container");
            }

            if (tag is Pcm or IeeeFloat && bits % 8 != 0)
            {
                throw new AudioFormatException(source, $"WAVE_FORMAT_EXTENSIBLE declares a {bits}-bit container; containers are whole bytes");
            }

            validBits = declaredValid == 0 ? bits : declaredValid;
        }

        DecoderLimits.CheckLayout(source, channels, sampleRate);
        SampleFormat sample = SampleFormatOf(tag, bits, validBits, source);
        if (blockAlign != channels * sample.BytesPerSample)
        {
            throw new AudioFormatException(source, $"the block align is {blockAlign} bytes, but {channels} channel(s) of {sample.Describe()} need {channels * sample.BytesPerSample}");
        }

        return new WavFormatChunk(sample, channels, (int)sampleRate);
    }

    private static SampleFormat SampleFormatOf(ushort tag, int bits, int validBits, string source)
    {
        switch (tag)
        {
            case Pcm when bits is >= 1 and <= 32:
                int bytes = (bits + 7) / 8;
                return new SampleFormat(bytes == 1 ? SampleEncoding.UnsignedInteger : SampleEncoding.SignedInteger, bytes, BigEndian: false);
            case Pcm:
                throw new AudioFormatException(source, $"PCM with {bits} bits per sample is not supported; 1–32 bits are");
            case IeeeFloat when bits is 32 or 64 && validBits == bits:
                return new SampleFormat(SampleEncoding.Float, bits / 8, BigEndian: false);
            case IeeeFloat:
                throw new AudioFormatException(source, $"IEEE float with {bits} bits per sample ({validBits} valid) is not supported; 32 or 64 are");
            case ALaw or MuLaw when bits == 8:
                return new SampleFormat(tag == ALaw ? SampleEncoding.ALaw : SampleEncoding.MuLaw, 1, BigEndian: false);
            case ALaw or MuLaw:
                throw new AudioFormatException(source, $"G.711 {(tag == ALaw ? "A-law" : "μ-law")} must have 8 bits per sample, not {bits}");
            default:
                throw new AudioFormatException(source, $"WAV encoding 0x{tag:X4}{CodecName(tag)} is not supported; supported are PCM, IEEE float, A-law and μ-law (AudioDecoder hands other encodings to ffmpeg)");
        }
    }

    private static string CodecName(ushort tag) => tag switch
    {
        0x0002 => " (Microsoft ADPCM)",
        0x0011 => " (IMA ADPCM)",
        0x0031 => " (GSM 6.10)",
        0x0050 => " (MPEG audio)",
        0x0055 => " (MPEG Layer 3)",
        0x0161 or 0x0162 or 0x0163 => " (Windows Media Audio)",
        0x00FF or 0x1610 => " (AAC)",
        _ => "",
    };

    /// <summary>
    /// True for encodings this decoder refuses but ffmpeg may decode (compressed codecs), given
    /// directly or as the sub-format of WAVE_FORMAT_EXTENSIBLE.
    /// </summary>
    public static bool IsCompressedCodec(ReadOnlySpan<byte> body)
    {
        if (body.Length < 2)
        {
            return false;
        }

        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        if (tag == Extensible && body.Length >= 40 && body.Slice(26, 14).SequenceEqual(SubFormatGuidTail))
        {
            tag = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
        }

        return tag is not (Pcm or IeeeFloat or ALaw or MuLaw or Extensible or 0);
    }
}
