using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

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
        if (raw.Length != mono.Length * format.BytesPerSample * channels)
        {
            throw new ArgumentException($"{raw.Length} bytes do not hold {mono.Length} frames of {channels} × {format.BytesPerSample} bytes", nameof(raw));
        }

        switch (format)
        {
            case { Encoding: SampleEncoding.UnsignedInteger, BytesPerSample: 1 }:
                Downmix<UInt8Reader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 1 }:
                Downmix<Int8Reader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 2, BigEndian: false } when channels <= 2 && BitConverter.IsLittleEndian:
                DownmixInt16(MemoryMarshal.Cast<byte, short>(raw), channels, mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 2, BigEndian: false }:
                Downmix<Int16LeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 4, BigEndian: false } when channels == 1 && BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, float>(raw).CopyTo(mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 2, BigEndian: true }:
                Downmix<Int16BeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 3, BigEndian: false }:
                Downmix<Int24LeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 3, BigEndian: true }:
                Downmix<Int24BeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 4, BigEndian: false }:
                Downmix<Int32LeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.SignedInteger, BytesPerSample: 4, BigEndian: true }:
                Downmix<Int32BeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 4, BigEndian: false }:
                Downmix<Float32LeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 4, BigEndian: true }:
                Downmix<Float32BeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 8, BigEndian: false }:
                Downmix<Float64LeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.Float, BytesPerSample: 8, BigEndian: true }:
                Downmix<Float64BeReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.MuLaw, BytesPerSample: 1 }:
                Downmix<MuLawReader>(raw, channels, mono); break;
            case { Encoding: SampleEncoding.ALaw, BytesPerSample: 1 }:
                Downmix<ALawReader>(raw, channels, mono); break;
            default:
                throw new ArgumentException($"no converter for {format}", nameof(format));
        }
    }

    /// <summary>
    /// 16-bit mono and stereo (the common WAV), a vector at a time with the scalar readers' arithmetic per sample:
    /// s·2⁻¹⁵ (exact int → float), and for stereo (l·2⁻¹⁵ + r·2⁻¹⁵)·0.5, so the samples are bit for bit the same.
    /// </summary>
    private static void DownmixInt16(ReadOnlySpan<short> pcm, int channels, Span<float> mono)
    {
        var scale = new Vector<float>(Scale16);
        int step = Vector<int>.Count;
        int i = 0;
        if (channels == 1)
        {
            for (; i <= mono.Length - 2 * step; i += 2 * step)
            {
                Vector.Widen(new Vector<short>(pcm[i..]), out Vector<int> low, out Vector<int> high);
                (Vector.ConvertToSingle(low) * scale).CopyTo(mono[i..]);
                (Vector.ConvertToSingle(high) * scale).CopyTo(mono[(i + step)..]);
            }

            for (; i < mono.Length; i++)
            {
                mono[i] = pcm[i] * Scale16;
            }

            return;
        }

        // A frame (left, right) read as one little-endian int: left in the low 16 bits, right in the high ones.
        ReadOnlySpan<int> frames = MemoryMarshal.Cast<short, int>(pcm);
        var half = new Vector<float>(0.5f);
        for (; i <= mono.Length - step; i += step)
        {
            var frame = new Vector<int>(frames[i..]);
            Vector<float> left = Vector.ConvertToSingle(Vector.ShiftRightArithmetic(Vector.ShiftLeft(frame, 16), 16)) * scale;
            Vector<float> right = Vector.ConvertToSingle(Vector.ShiftRightArithmetic(frame, 16)) * scale;
            ((left + right) * half).CopyTo(mono[i..]);
        }

        for (; i < mono.Length; i++)
        {
            mono[i] = (pcm[2 * i] * Scale16 + pcm[2 * i + 1] * Scale16) * 0.5f;
        }
    }

    /// <summary>Mono and stereo in one pass each (the common cases); more channels one channel at a time.</summary>
    private static void Downmix<TReader>(ReadOnlySpan<byte> raw, int channels, Span<float> mono)
        where TReader : struct, ISampleReader
    {
        int width = TReader.Width;
        if (channels == 1)
        {
            for (int i = 0, at = 0; i < mono.Length; i++, at += width)
            {
                mono[i] = TReader.Read(raw, at);
            }

            return;
        }

        if (channels == 2)
        {
            for (int i = 0, at = 0; i < mono.Length; i++, at += 2 * width)
            {
                mono[i] = (TReader.Read(raw, at) + TReader.Read(raw, at + width)) * 0.5f;
            }

            return;
        }

        int stride = width * channels;
        for (int i = 0, at = 0; i < mono.Length; i++, at += stride)
        {
            mono[i] = TReader.Read(raw, at);
        }

        for (int channel = 1; channel < channels; channel++)
        {
            for (int i = 0, at = channel * width; i < mono.Length; i++, at += stride)
            {
                mono[i] += TReader.Read(raw, at);
            }
        }

        float scale = 1f / channels;
        for (int i = 0; i < mono.Length; i++)
        {
            mono[i] *= scale;
        }
    }

    private interface ISampleReader
    {
        static abstract int Width { get; }

        static abstract float Read(ReadOnlySpan<byte> raw, int at);
    }

    private const float Scale8 = 1f / 128;
    private const float Scale16 = 1f / 32768;
    private const float Scale24 = 1f / 8388608;
    private const double Scale32 = 1.0 / 2147483648;

    private struct UInt8Reader : ISampleReader
    {
        public static int Width => 1;

        public static float Read(ReadOnlySpan<byte> raw, int at) => (raw[at] - 128) * Scale8;
    }

    private struct Int8Reader : ISampleReader
    {
        public static int Width => 1;

        public static float Read(ReadOnlySpan<byte> raw, int at) => (sbyte)raw[at] * Scale8;
    }

    private struct Int16LeReader : ISampleReader
    {
        public static int Width => 2;

        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadInt16LittleEndian(raw[at..]) * Scale16;
    }

    private struct Int16BeReader : ISampleReader
    {
        public static int Width => 2;

        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadInt16BigEndian(raw[at..]) * Scale16;
    }

    private struct Int24LeReader : ISampleReader
    {
        public static int Width => 3;

        public static float Read(ReadOnlySpan<byte> raw, int at) =>
            (((raw[at] << 8) | (raw[at + 1] << 16) | (raw[at + 2] << 24)) >> 8) * Scale24;
    }

    private struct Int24BeReader : ISampleReader
    {
        public static int Width => 3;

        public static float Read(ReadOnlySpan<byte> raw, int at) =>
            (((raw[at + 2] << 8) | (raw[at + 1] << 16) | (raw[at] << 24)) >> 8) * Scale24;
    }

    private struct Int32LeReader : ISampleReader
    {
        public static int Width => 4;

        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)(BinaryPrimitives.ReadInt32LittleEndian(raw[at..]) * Scale32);
    }

    private struct Int32BeReader : ISampleReader
    {
        public static int Width => 4;

        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)(BinaryPrimitives.ReadInt32BigEndian(raw[at..]) * Scale32);
    }

    private struct Float32LeReader : ISampleReader
    {
        public static int Width => 4;

        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadSingleLittleEndian(raw[at..]);
    }

    private struct Float32BeReader : ISampleReader
    {
        public static int Width => 4;

        public static float Read(ReadOnlySpan<byte> raw, int at) => BinaryPrimitives.ReadSingleBigEndian(raw[at..]);
    }

    private struct Float64LeReader : ISampleReader
    {
        public static int Width => 8;

        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)BinaryPrimitives.ReadDoubleLittleEndian(raw[at..]);
    }

    private struct Float64BeReader : ISampleReader
    {
        public static int Width => 8;

        public static float Read(ReadOnlySpan<byte> raw, int at) => (float)BinaryPrimitives.ReadDoubleBigEndian(raw[at..]);
    }

    private struct MuLawReader : ISampleReader
    {
        public static int Width => 1;

        public static float Read(ReadOnlySpan<byte> raw, int at) => G711.MuLaw[raw[at]];
    }

    private struct ALawReader : ISampleReader
    {
        public static int Width => 1;

        public static float Read(ReadOnlySpan<byte> raw, int at) => G711.ALaw[raw[at]];
    }
}
