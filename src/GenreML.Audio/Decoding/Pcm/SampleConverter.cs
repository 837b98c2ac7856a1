using System.Buffers.Binary;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Turns interleaved stored frames into mono float samples: each channel is decoded with a
/// reader specialised at JIT time (no per-sample dispatch), summed, and the sum scaled by 1/channels.
/// </summary>
internal static class SampleConverter
{
    /// <summary>
    /// Decodes <paramref name="mono"/>.Length frames of <paramref name="channels"/> channels from
    /// <paramref name="raw"/> (exactly that many frames long) into their channel means.
    /// </summary>
    public static void DownmixToMono(ReadOnlySpan<byte> raw, SampleFormat format, int channels, Span<float> mono)
    {
        int stride = format.BytesPerSample * channels;
        if (raw.Length != mono.Length * stride)
        {
            throw new ArgumentException($"{raw.Length} bytes do not hold {mono.Length} frames of {stride} bytes", nameof(raw));
        }

        for (int channel = 0; channel < channels; channel++)
        {
            DecodeChannel(raw, format, channel * format.BytesPerSample, stride, mono, accumulate: channel > 0);
        }

        if (channels > 1)
        {
            float scale = 1f / channels;
            for (int i = 0; i < mono.Length; i++)
            {
                mono[i] *= scale;
            }
        }
    }

    private static void DecodeChannel(ReadOnlySpan<byte> raw, SampleFormat format, int offset, int stride, Span<float> dest, bool accumulate)
    {
        switch (format)
        {
            case { Encoding: SampleEncoding.UnsignedInteger, BytesPerSample: 1 }:
                Decode<UInt8Reader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 1 }:
                Decode<Int8Reader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 2, BigEndian: false }:
                Decode<Int16LeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 2, BigEndian: true }:
                Decode<Int16BeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 3, BigEndian: false }:
                Decode<Int24LeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 3, BigEndian: true }:
                Decode<Int24BeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 4, BigEndian: false }:
                Decode<Int32LeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 4, BigEndian: true }:
                Decode<Int32BeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 4, BigEndian: false }:
                Decode<Float32LeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 4, BigEndian: true }:
                Decode<Float32BeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 8, BigEndian: false }:
                Decode<Float64LeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 8, BigEndian: true }:
                Decode<Float64BeReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.MuLaw, BytesPerSample: 1 }:
                Decode<MuLawReader>(raw, offset, stride, dest, accumulate); break;
            case { Encoding: SampleEncoding.ALaw, BytesPerSample: 1 }:
                Decode<ALawReader>(raw, offset, stride, dest, accumulate); break;
            default:
                throw new ArgumentException($"no converter for {format}", nameof(format));
        }
    }

    private static void Decode<TReader>(ReadOnlySpan<byte> raw, int offset, int stride, Span<float> dest, bool accumulate)
        where TReader : struct, ISampleReader
    {
        if (accumulate)
        {
            for (int i = 0, at = offset; i < dest.Length; i++, at += stride)
            {
                dest[i] += TReader.Read(raw, at);
            }
        }
        else
        {
            for (int i = 0, at = offset; i < dest.Length; i++, at += stride)
            {
                dest[i] = TReader.Read(raw, at);
            }
        }
    }

    private interface ISampleReader
    {
        static abstract float Read(ReadOnlySpan<byte> raw, int at);
    }

    private const float Scale8 = 1f / 128;
    private const float Scale16 = 1f / 32768;
    private const float Scale24 = 1f / 8388608;
    private const double Scale32 = 1.0 / 2147483648;

    private struct UInt8Reader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => (raw[at] - 128) * Scale8;
    }

    private struct Int8Reader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => (sbyte)raw[at] * Scale8;
    }

    private struct Int16LeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadInt16LittleEndian(raw[at..]) * Scale16;
    }

    private struct Int16BeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadInt16BigEndian(raw[at..]) * Scale16;
    }

    private struct Int24LeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) =>
            (((raw[at] << 8) | (raw[at + 1] << 16) | (raw[at + 2] << 24)) >> 8) * Scale24;
    }

    private struct Int24BeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) =>
            (((raw[at + 2] << 8) | (raw[at + 1] << 16) | (raw[at] << 24)) >> 8) * Scale24;
    }

    private struct Int32LeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)(BinaryPrimitives.ReadInt32LittleEndian(raw[at..]) * Scale32);
    }

    private struct Int32BeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)(BinaryPrimitives.ReadInt32BigEndian(raw[at..]) * Scale32);
    }

    private struct Float32LeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadSingleLittleEndian(raw[at..]);
    }

    private struct Float32BeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadSingleBigEndian(raw[at..]);
    }

    private struct Float64LeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)BinaryPrimitives.ReadDoubleLittleEndian(raw[at..]);
    }

    private struct Float64BeReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)BinaryPrimitives.ReadDoubleBigEndian(raw[at..]);
    }

    private struct MuLawReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => G711.MuLaw[raw[at]];
    }

    private struct ALawReader : ISampleReader
    {
        public static float Read(ReadOnlySpan<byte> raw, int at) => G711.ALaw[raw[at]];
    }
}
