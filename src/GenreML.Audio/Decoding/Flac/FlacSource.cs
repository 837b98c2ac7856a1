namespace GenreML.Audio.Decoding;

/// <summary>
/// Native FLAC decoded by our own decoder (RFC 9639): STREAMINFO is read, every other metadata block
/// (pictures included) skipped, then frame after frame is decoded and downmixed. Samples are scaled
/// to floats as ffmpeg does (integer / 2^(bits−1), for 32-bit after rounding to float), so the output is
/// bit-exact with ffmpeg's.
/// </summary>
/// <remarks>
/// A frame whose CRC fails, or that breaks the format, fails the decode. A file cut inside a frame,
/// or holding fewer samples than STREAMINFO announces, is decoded as far as it goes with a
/// truncation warning. An ID3v2 tag in front and an ID3v1/APEv2 tag at the end are skipped.
/// </remarks>
internal sealed class FlacSource : BlockDecodingSource
{
    private readonly LookaheadReader _reader;
    private readonly FlacStreamInfo _info;
    private readonly FlacFrameDecoder _decoder;
    private readonly int _window;
    private float[] _interleaved = [];
    private long _decoded;
    private int _frames;

    private FlacSource(string source, LookaheadReader reader, FlacStreamInfo info)
        : base(source)
    {
        _reader = reader;
        _info = info;
        _decoder = new FlacFrameDecoder(info);
        long worst = 64 + ((long)info.MaxBlockSize * info.Channels * (info.BitsPerSample + 1) / 8) + (info.Channels * 16L);
        _window = (int)Math.Min(worst, 16 << 20);
    }

    /// <inheritdoc/>
    public override int SampleRate => _info.SampleRate;

    /// <inheritdoc/>
    public override int SourceChannels => _info.Channels;

    /// <inheritdoc/>
    public override string DecoderName => "FLAC";

    /// <summary>Reads the signature and the metadata blocks and prepares to decode the frames.</summary>
    public static FlacSource Open(Stream stream, string source)
    {
        var reader = new LookaheadReader(stream);
        Id3v2.Skip(reader, source);
        var magic = reader.Peek(4);
        if (!magic.StartsWith("fLaC"u8))
        {
            throw new AudioFormatException(source, $"not a FLAC file: no \"fLaC\" signature at byte {reader.Position}");
        }

        reader.Advance(4);
        FlacStreamInfo? info = null;
        bool last = false;
        for (int block = 1; !last; block++)
        {
            long at = reader.Position;
            var header = reader.Peek(4);
            if (header.Length < 4)
            {
                throw new AudioFormatException(source, $"the file ends inside the header of FLAC metadata block {block} (byte {at})");
            }

            last = (header[0] & 0x80) != 0;
            int type = header[0] & 0x7F;
            int length = (header[1] << 16) | (header[2] << 8) | header[3];
            reader.Advance(4);
            if (type == 127)
            {
                throw new AudioFormatException(source, $"FLAC metadata block {block} (byte {at}) has the invalid type 127");
            }

            if (block == 1 && type != 0)
            {
                throw new AudioFormatException(source, $"the first FLAC metadata block is of type {type}, not STREAMINFO");
            }

            if (type == 0)
            {
                if (info is not null)
                {
                    throw new AudioFormatException(source, $"FLAC metadata block {block} (byte {at}) is a second STREAMINFO");
                }

                if (length != FlacStreamInfo.Length)
                {
                    throw new AudioFormatException(source, $"the FLAC STREAMINFO block is {length} bytes; it must be {FlacStreamInfo.Length}");
                }

                var body = reader.Peek(length);
                if (body.Length < length)
                {
                    throw new AudioFormatException(source, "the file ends inside the FLAC STREAMINFO block");
                }

                info = FlacStreamInfo.Parse(body, source);
                reader.Advance(length);
                continue;
            }

            long skipped = reader.Skip(length);
            if (skipped < length)
            {
                throw new AudioFormatException(source, $"the file ends inside FLAC metadata block {block} (type {type}, byte {at}: it claims {length} bytes, {skipped} are present)");
            }
        }

        return new FlacSource(source, reader, info!);
    }

    protected override bool DecodeNextBlock()
    {
        long at = _reader.Position;
        var head = _reader.Peek(8);
        if (head.IsEmpty || head.StartsWith("TAG"u8) || head.StartsWith("APETAGEX"u8))
        {
            CheckTotal();
            return false;
        }

        var bytes = _reader.PeekSegment(_window);
        int length;
        try
        {
            length = _decoder.Decode(bytes.Array!, bytes.Offset, bytes.Offset + bytes.Count);
        }
        catch (FlacOutOfDataException)
        {
            if (bytes.Count < _window)
            {
                AddWarning($"truncated: the file ends inside FLAC frame {_frames + 1} (byte {at}); decoded the {_decoded} samples per channel before it");
                return false;
            }

            throw new AudioFormatException(SourceName, $"FLAC frame {_frames + 1} (byte {at}) is longer than {_window} bytes, the most its block size allows");
        }
        catch (FlacFormatException error)
        {
            throw new AudioFormatException(SourceName, $"FLAC frame {_frames + 1} (byte {at}): {error.Message}");
        }

        _reader.Advance(length);
        _frames++;
        Convert();
        return true;
    }

    private void Convert()
    {
        int n = _decoder.BlockSize;
        int channels = _info.Channels;
        if (_interleaved.Length < n * channels)
        {
            _interleaved = new float[n * channels];
        }

        float scale = 1f / (1L << (_decoder.BitsPerSample - 1));
        long[][] samples = _decoder.Channels;
        for (int c = 0; c < channels; c++)
        {
            long[] channel = samples[c];
            for (int i = 0, at = c; i < n; i++, at += channels)
            {
                _interleaved[at] = (float)channel[i] * scale;
            }
        }

        PublishBlock(_interleaved.AsSpan(0, n * channels), channels, 0, n);
        _decoded += n;
    }

    private void CheckTotal()
    {
        if (_info.TotalSamples > 0 && _decoded < _info.TotalSamples)
        {
            AddWarning($"truncated: STREAMINFO announces {_info.TotalSamples} samples per channel, the file holds {_decoded}");
        }
    }
}
