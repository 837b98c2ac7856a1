using System.Buffers.Binary;
using System.Text;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Reads RIFF/WAVE files (and RF64/BW64) in pure managed code: PCM of 1–32 bits (8-bit unsigned),
/// IEEE float 32/64, G.711 A-law and μ-law, plain or WAVE_FORMAT_EXTENSIBLE, any number of channels
/// up to <see cref="DecoderLimits.MaxChannels"/>, downmixed to mono by the mean of the channels, at the
/// file's own rate.
/// </summary>
/// <remarks>
/// <para>Chunks may come in any order; odd-sized chunks are followed by a pad byte; LIST, fact, and
/// every other chunk are skipped. The RIFF size and the fmt byte rate are not trusted (writers get
/// them wrong); the block align must match channels × sample width.</para>
/// <para>Data length policy: a data size of 0 or 0xFFFFFFFF (streaming writers such as ffmpeg on a
/// pipe) means "unknown": the audio runs to the end of the file. An RF64 data size comes from the
/// ds64 chunk. Any other size is binding for where the audio ends; bytes after the data chunk are
/// not read once the format is known. A file that ends before the declared size, or inside a frame,
/// is decoded as far as it goes with a truncation warning (the policy of every decoder, see
/// <see cref="MonoAudioSource"/>). Float samples must be finite; an empty data chunk is an error.</para>
/// </remarks>
public static class WavDecoder
{
    /// <summary>Decodes the WAV file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable or not a supported WAV file.</exception>
    public static AudioSignal Read(string path) => WholeFileRead.FromPath(path, Read);

    /// <summary>Decodes a WAV file from <paramref name="stream"/> (seekable or not), naming it <paramref name="sourceName"/> in errors.</summary>
    /// <exception cref="AudioFormatException">The content is not a supported WAV file.</exception>
    public static AudioSignal Read(Stream stream, string sourceName) => WholeFileRead.FromStream(stream, sourceName, (content, name) => OpenCore(content, name));

    /// <summary>
    /// Reads the header and returns the streaming source of the audio that follows; throws
    /// <see cref="ManagedDecoderDeclinedException"/> for a compressed codec so that the caller can try ffmpeg instead.
    /// </summary>
    internal static MonoAudioSource OpenCore(Stream stream, string source, string decoderName = "WAV")
    {
        Span<byte> head = stackalloc byte[12];
        int got = StreamReading.ReadUpTo(stream, head);
        if (got == 0)
        {
            throw new AudioFormatException(source, "the file is empty (0 bytes)");
        }

        if (got < 12)
        {
            throw new AudioFormatException(source, $"the file is {got} bytes, too short for a WAV header (12 bytes before the first chunk)");
        }

        string riff = FourCC(head);
        if (riff is not ("RIFF" or "RF64" or "BW64"))
        {
            throw new AudioFormatException(source, $"not a WAV file: it starts with {Quote(head[..4])} instead of \"RIFF\"");
        }

        if (FourCC(head[8..]) != "WAVE")
        {
            throw new AudioFormatException(source, $"a RIFF file of type {Quote(head.Slice(8, 4))}, not \"WAVE\"");
        }

        return new ChunkWalk(stream, source, riff != "RIFF", decoderName).Run();
    }

    private static string FourCC(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes[..4]);

    private static string Quote(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.Append('"').ToString();
    }

    /// <summary>One pass over the chunks of one file.</summary>
    private sealed class ChunkWalk(Stream stream, string source, bool rf64, string decoderName)
    {
        private const uint UnknownSize = 0xFFFFFFFF;

        private WavFormatChunk? _format;
        private long? _ds64DataSize;
        private long _earlyDataPosition = -1;
        private long _earlyDataSize;
        private byte[]? _earlyData;

        public MonoAudioSource Run()
        {
            Span<byte> header = stackalloc byte[8];
            while (true)
            {
                int got = StreamReading.ReadUpTo(stream, header);
                if (got < 8)
                {
                    return Finish(got);
                }

                string id = FourCC(header);
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
                switch (id)
                {
                    case "fmt ":
                        ReadFormat(size);
                        break;
                    case "ds64" when rf64:
                        ReadDs64(size);
                        break;
                    case "data":
                        long? dataSize = DataSize(size);
                        if (_format is not null)
                        {
                            return Decode(stream, dataSize);
                        }

                        KeepEarlyData(dataSize);
                        break;
                    default:
                        SkipChunk(Quote(header[..4]), size);
                        break;
                }
            }
        }

        private MonoAudioSource Finish(int partialHeader)
        {
            bool haveData = _earlyData is not null || _earlyDataPosition >= 0;
            if (_format is null || !haveData)
            {
                string missing = _format is null && !haveData ? "no fmt chunk and no data chunk"
                    : _format is null ? "no fmt chunk (the sample format is unknown)"
                    : "no data chunk (no audio)";
                string tail = partialHeader > 0 ? $"; it ends with {partialHeader} stray byte(s) where a chunk header should be" : "";
                throw new AudioFormatException(source, $"the WAV file has {missing}{tail}");
            }

            if (_earlyData is not null)
            {
                return Decode(new MemoryStream(_earlyData, writable: false), _earlyDataSize);
            }

            stream.Position = _earlyDataPosition;
            return Decode(stream, _earlyDataSize);
        }

        private PcmSource Decode(Stream data, long? dataSize)
        {
            var format = _format!;
            return new PcmSource(data, format.Sample, format.Channels, format.SampleRate, dataSize, source, decoderName);
        }

        private void ReadFormat(uint size)
        {
            if (_format is not null)
            {
                throw new AudioFormatException(source, "the WAV file has two fmt chunks");
            }

            if (size > WavFormatChunk.MaxSize)
            {
                throw new AudioFormatException(source, $"the fmt chunk claims {size} bytes; a format description is at most {WavFormatChunk.MaxSize}");
            }

            byte[] body = ReadBody("fmt ", (int)size);
            if (WavFormatChunk.IsCompressedCodec(body))
            {
                try
                {
                    WavFormatChunk.Parse(body, source);
                }
                catch (AudioFormatException reason)
                {
                    throw new ManagedDecoderDeclinedException(reason);
                }
            }

            _format = WavFormatChunk.Parse(body, source);
            SkipPad(size);
        }

        private void ReadDs64(uint size)
        {
            if (size < 24 || size > WavFormatChunk.MaxSize)
            {
                throw new AudioFormatException(source, $"the RF64 ds64 chunk is {size} bytes; it must be 24–{WavFormatChunk.MaxSize}");
            }

            byte[] body = ReadBody("ds64", (int)size);
            ulong dataSize = BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(8));
            if (dataSize > long.MaxValue)
            {
                throw new AudioFormatException(source, $"the RF64 ds64 chunk claims an impossible data size of {dataSize} bytes");
            }

            _ds64DataSize = (long)dataSize;
            SkipPad(size);
        }

        private long? DataSize(uint size)
        {
            if (size == UnknownSize && rf64 && _ds64DataSize is long large)
            {
                return large;
            }

            return size is 0 or UnknownSize ? null : size;
        }

        private void KeepEarlyData(long? dataSize)
        {
            if (_earlyData is not null || _earlyDataPosition >= 0)
            {
                throw new AudioFormatException(source, "the WAV file has two data chunks");
            }

            if (dataSize is not long size)
            {
                throw new AudioFormatException(source, "the data chunk comes before the fmt chunk and does not state its length");
            }

            if (stream.CanSeek)
            {
                _earlyDataPosition = stream.Position;
                _earlyDataSize = size;
                stream.Seek(Math.Min(size, StreamReading.Remaining(stream)!.Value), SeekOrigin.Current);
            }
            else
            {
                _earlyData = StreamReading.ReadBounded(stream, size);
                _earlyDataSize = size;
            }

            SkipPad(size);
        }

        private void SkipChunk(string quotedId, uint size)
        {
            long skipped = StreamReading.Skip(stream, size);
            if (skipped < size)
            {
                throw new AudioFormatException(source, $"the file ends inside the {quotedId} chunk (it claims {size} bytes, {skipped} are present) before the audio data");
            }

            SkipPad(size);
        }

        private byte[] ReadBody(string id, int size)
        {
            var body = new byte[size];
            int got = StreamReading.ReadUpTo(stream, body);
            if (got < size)
            {
                throw new AudioFormatException(source, $"the file ends inside the \"{id}\" chunk (it claims {size} bytes, {got} are present)");
            }

            return body;
        }

        /// <summary>Skips the pad byte after an odd-sized chunk; a missing final pad byte is tolerated.</summary>
        private void SkipPad(long size)
        {
            if ((size & 1) != 0)
            {
                StreamReading.Skip(stream, 1);
            }
        }
    }
}
