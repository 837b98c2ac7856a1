using System.Buffers.Binary;
using System.Text;

namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>Builds WAV files byte by byte in memory, including deliberately broken ones.</summary>
internal static class WavBytes
{
    public const ushort Pcm = 1;
    public const ushort Float = 3;
    public const ushort ALaw = 6;
    public const ushort MuLaw = 7;
    public const ushort Extensible = 0xFFFE;

    /// <summary>A plain fmt chunk body (16 bytes, or 18 with cbSize = 0 for non-PCM tags).</summary>
    public static byte[] Fmt(ushort tag, int channels, int sampleRate, int bits, int? blockAlign = null)
    {
        var body = new byte[tag == Pcm ? 16 : 18];
        WriteCommon(body, tag, channels, sampleRate, bits, blockAlign ?? channels * ((bits + 7) / 8));
        return body;
    }

    /// <summary>A WAVE_FORMAT_EXTENSIBLE fmt chunk body (40 bytes) whose sub-format GUID carries <paramref name="subTag"/>.</summary>
    public static byte[] FmtExtensible(ushort subTag, int channels, int sampleRate, int bits, int validBits, uint channelMask = 0)
    {
        var body = new byte[40];
        WriteCommon(body, Extensible, channels, sampleRate, bits, channels * (bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)validBits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channelMask);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), subTag);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(body, 26);
        return body;
    }

    /// <summary>A RIFF file of type WAVE (or RF64/BW64 when <paramref name="riffId"/> says so) holding the chunks in order.</summary>
    public static byte[] File(IEnumerable<RiffChunk> chunks, string riffId = "RIFF")
    {
        using var file = new MemoryStream();
        file.Write(Encoding.ASCII.GetBytes(riffId));
        file.Write(new byte[4]);
        file.Write("WAVE"u8);
        Span<byte> size = stackalloc byte[4];
        foreach (var chunk in chunks)
        {
            file.Write(Encoding.ASCII.GetBytes(chunk.Id));
            BinaryPrimitives.WriteUInt32LittleEndian(size, chunk.SizeField ?? (uint)chunk.Body.Length);
            file.Write(size);
            file.Write(chunk.Body);
            if (chunk.Pad && chunk.Body.Length % 2 == 1)
            {
                file.WriteByte(0);
            }
        }

        byte[] bytes = file.ToArray();
        uint riffSize = riffId == "RIFF" ? (uint)(bytes.Length - 8) : uint.MaxValue;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), riffSize);
        return bytes;
    }

    /// <summary>The usual fmt-then-data file.</summary>
    public static byte[] Simple(byte[] fmt, byte[] data) => File([new RiffChunk("fmt ", fmt), new RiffChunk("data", data)]);

    /// <summary>A 16-bit PCM file of the given interleaved sample values.</summary>
    public static byte[] Pcm16(int channels, int sampleRate, params int[] values) =>
        Simple(Fmt(Pcm, channels, sampleRate, 16), SampleBytes.Int(values, 2, bigEndian: false));

    /// <summary>An RF64 ds64 chunk body (28 bytes: RIFF size, data size, sample count, empty table).</summary>
    public static byte[] Ds64(ulong dataSize, ulong sampleCount)
    {
        var body = new byte[28];
        BinaryPrimitives.WriteUInt64LittleEndian(body, ulong.MaxValue);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(8), dataSize);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(16), sampleCount);
        return body;
    }

    private static void WriteCommon(Span<byte> body, ushort tag, int channels, int sampleRate, int bits, int blockAlign)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(body, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body[8..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(body[12..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(body[14..], (ushort)bits);
    }
}
