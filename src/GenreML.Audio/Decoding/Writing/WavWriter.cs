using GenreML.Core.IO;
using System.Buffers;
using System.Buffers.Binary;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Writes float samples (mono, or interleaved channels) as a canonical WAV file: 16-bit PCM or
/// 32-bit float, a plain fmt chunk for one or two channels and WAVE_FORMAT_EXTENSIBLE for more,
/// plus a fact chunk for float. Files are written atomically: to a temporary file in the same
/// folder, then renamed over the target, so a reader never sees half a file.
/// </summary>
public static class WavWriter
{
    private const int MaxDataBytes = int.MaxValue;

    /// <summary>Writes the mono <paramref name="signal"/> to <paramref name="path"/> at its own sample rate.</summary>
    public static void Write(string path, AudioSignal signal, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Write(path, signal.Samples, signal.SampleRate, channels: 1, format);
    }

    /// <summary>
    /// Writes <paramref name="samples"/> (frame-interleaved when <paramref name="channels"/> &gt; 1) to
    /// <paramref name="path"/>, creating its folder if needed and replacing an existing file atomically.
    /// </summary>
    /// <exception cref="ArgumentException">Bad rate or channel count, a sample count that is not a whole number of frames, a NaN or infinite sample, or more than 2 GiB of data.</exception>
    public static void Write(string path, ReadOnlySpan<float> samples, int sampleRate, int channels = 1, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Validate(samples, sampleRate, channels, format);
        using AtomicFileWriter file = AtomicFile.Create(path);
        WriteTo(file.Stream, samples, sampleRate, channels, format);
        file.Commit();
    }

    /// <summary>Writes the same WAV bytes as <see cref="Write(string, ReadOnlySpan{float}, int, int, WavSampleFormat)"/> to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">As for the file overload.</exception>
    public static void Write(Stream stream, ReadOnlySpan<float> samples, int sampleRate, int channels = 1, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Validate(samples, sampleRate, channels, format);
        WriteTo(stream, samples, sampleRate, channels, format);
    }

    /// <summary>
    /// Writes <paramref name="totalSamples"/> mono samples made of <paramref name="loop"/> repeated (and cut at the end)
    /// to <paramref name="path"/>, atomically, without holding them: long test files such as a two-hour mix.
    /// </summary>
    /// <exception cref="ArgumentException">An empty loop, a bad rate, a NaN or infinite sample, or more than 2 GiB of data.</exception>
    public static void WriteLooped(string path, ReadOnlySpan<float> loop, int sampleRate, long totalSamples, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(totalSamples);
        if (loop.IsEmpty)
        {
            throw new ArgumentException("the loop has no samples", nameof(loop));
        }

        Validate(loop, sampleRate, 1, format);
        if (totalSamples * BytesPerSample(format) > MaxDataBytes)
        {
            throw new ArgumentException($"{totalSamples} samples exceed the 2 GiB a WAV file written here may hold", nameof(totalSamples));
        }

        using AtomicFileWriter file = AtomicFile.Create(path);
        WriteHeader(file.Stream, (int)totalSamples, sampleRate, 1, format);
        for (long done = 0; done < totalSamples; done += loop.Length)
        {
            WriteSamples(file.Stream, loop[..(int)Math.Min(loop.Length, totalSamples - done)], format);
        }

        file.Commit();
    }

    private static void Validate(ReadOnlySpan<float> samples, int sampleRate, int channels, WavSampleFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, (int)ushort.MaxValue);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "unknown WAV sample format");
        }

        if (samples.Length % channels != 0)
        {
            throw new ArgumentException($"{samples.Length} samples are not a whole number of {channels}-channel frames", nameof(samples));
        }

        if ((long)samples.Length * BytesPerSample(format) > MaxDataBytes)
        {
            throw new ArgumentException($"{samples.Length} samples exceed the 2 GiB a WAV file written here may hold", nameof(samples));
        }

        for (int i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                throw new ArgumentException($"sample {i} is {samples[i]}; WAV samples must be finite", nameof(samples));
            }
        }
    }

    private static int BytesPerSample(WavSampleFormat format) => format == WavSampleFormat.Pcm16 ? 2 : 4;

    private static void WriteTo(Stream stream, ReadOnlySpan<float> samples, int sampleRate, int channels, WavSampleFormat format)
    {
        WriteHeader(stream, samples.Length, sampleRate, channels, format);
        WriteSamples(stream, samples, format);
    }

    private static void WriteHeader(Stream stream, int sampleCount, int sampleRate, int channels, WavSampleFormat format)
    {
        int bytesPerSample = BytesPerSample(format);
        int dataBytes = sampleCount * bytesPerSample;
        bool extensible = channels > 2;
        bool isFloat = format == WavSampleFormat.Float32;
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        int factSize = isFloat ? 12 : 0;
        int headerSize = 12 + 8 + fmtSize + factSize + 8;

        Span<byte> header = stackalloc byte[headerSize];
        header.Clear();
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(headerSize - 8 + dataBytes));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], fmtSize);
        var fmt = header.Slice(20, fmtSize);
        ushort tag = isFloat ? (ushort)3 : (ushort)1;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[2..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt[4..], sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[8..], (uint)((long)sampleRate * channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[12..], (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[14..], (ushort)(bytesPerSample * 8));
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[16..], 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[18..], (ushort)(bytesPerSample * 8));
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[24..], tag);
            ReadOnlySpan<byte> guidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            guidTail.CopyTo(fmt[26..]);
        }

        int at = 20 + fmtSize;
        if (isFloat)
        {
            "fact"u8.CopyTo(header[at..]);
            BinaryPrimitives.WriteInt32LittleEndian(header[(at + 4)..], 4);
            BinaryPrimitives.WriteInt32LittleEndian(header[(at + 8)..], sampleCount / channels);
            at += 12;
        }

        "data"u8.CopyTo(header[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[(at + 4)..], dataBytes);
        stream.Write(header);
    }

    private static void WriteSamples(Stream stream, ReadOnlySpan<float> samples, WavSampleFormat format)
    {
        const int BlockSamples = 1 << 14;
        int bytesPerSample = BytesPerSample(format);
        byte[] block = ArrayPool<byte>.Shared.Rent(BlockSamples * bytesPerSample);
        try
        {
            for (int start = 0; start < samples.Length; start += BlockSamples)
            {
                var chunk = samples.Slice(start, Math.Min(BlockSamples, samples.Length - start));
                var bytes = block.AsSpan(0, chunk.Length * bytesPerSample);
                for (int i = 0; i < chunk.Length; i++)
                {
                    if (format == WavSampleFormat.Pcm16)
                    {
                        float scaled = MathF.Round(chunk[i] * 32768f);
                        BinaryPrimitives.WriteInt16LittleEndian(bytes[(2 * i)..], (short)Math.Clamp(scaled, -32768f, 32767f));
                    }
                    else
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(bytes[(4 * i)..], chunk[i]);
                    }
                }

                stream.Write(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }
}
