using System.Buffers;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Reads the interleaved sample data that follows a header and downmixes it to mono, in blocks of
/// about 64 KiB. A declared length is checked against what the stream really holds; an unknown
/// length (null) means "read to the end of the stream".
/// </summary>
internal static class PcmDataReader
{
    private const int BlockBytes = 1 << 16;

    /// <summary>
    /// Decodes the audio data at the stream's position. <paramref name="declaredBytes"/> is the
    /// header's data length, or null when the header leaves it open.
    /// </summary>
    public static float[] ReadMono(Stream stream, SampleFormat format, int channels, long? declaredBytes, string source)
    {
        int frameBytes = format.BytesPerSample * channels;
        long? remaining = StreamReading.Remaining(stream);
        if (declaredBytes is long declared)
        {
            if (remaining is long present && declared > present)
            {
                throw new AudioFormatException(source, $"the header claims {declared} bytes of audio, but the file has only {present} after the header (truncated copy?)");
            }

            if (declared % frameBytes != 0)
            {
                throw new AudioFormatException(source, $"the header claims {declared} bytes of audio, which is not a whole number of {frameBytes}-byte frames ({channels} channel(s) of {format.Describe()})");
            }
        }

        long limit = declaredBytes ?? long.MaxValue;
        long knownBytes = Math.Min(limit, remaining ?? Math.Min(limit, BlockBytes));
        var samples = new MonoSampleBuffer((int)Math.Min(knownBytes / frameBytes, Array.MaxLength));

        int framesPerBlock = Math.Max(1, BlockBytes / frameBytes);
        byte[] raw = ArrayPool<byte>.Shared.Rent(framesPerBlock * frameBytes);
        try
        {
            long total = 0;
            while (total < limit)
            {
                int want = (int)Math.Min(framesPerBlock * frameBytes, limit - total);
                int got = StreamReading.ReadUpTo(stream, raw.AsSpan(0, want));
                total += got;
                int frames = got / frameBytes;
                SampleConverter.DownmixToMono(raw.AsSpan(0, frames * frameBytes), format, channels, samples.Append(frames, source));
                if (got < want)
                {
                    if (declaredBytes is long claimed)
                    {
                        throw new AudioFormatException(source, $"the header claims {claimed} bytes of audio, but the stream ended after {total}");
                    }

                    if (total % frameBytes != 0)
                    {
                        throw new AudioFormatException(source, $"the audio data ({total} bytes, length left open by the header) ends with a partial frame: frames are {frameBytes} bytes ({channels} channel(s) of {format.Describe()})");
                    }

                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }

        float[] mono = samples.ToArray();
        if (mono.Length == 0)
        {
            throw new AudioFormatException(source, "the file contains no audio samples (the data is empty)");
        }

        if (format.Encoding == SampleEncoding.Float)
        {
            CheckFinite(mono, source);
        }

        return mono;
    }

    private static void CheckFinite(float[] mono, string source)
    {
        for (int i = 0; i < mono.Length; i++)
        {
            if (!float.IsFinite(mono[i]))
            {
                throw new AudioFormatException(source, $"frame {i} holds a {(float.IsNaN(mono[i]) ? "NaN" : "infinite")} sample; float audio must be finite");
            }
        }
    }
}
