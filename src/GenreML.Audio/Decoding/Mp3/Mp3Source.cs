using System.Buffers.Binary;
using NLayer;

namespace GenreML.Audio.Decoding;

/// <summary>
/// MP3 (MPEG-1/2/2.5 Layer III) decoded in managed code: our frame parser feeds NLayer's frame
/// decoder, and the stream edges are trimmed exactly as ffmpeg trims them, so that the samples
/// match ffmpeg's (which the models were trained on) in position and length.
/// </summary>
/// <remarks>
/// <para>Gapless trimming: the first frame may be a Xing/Info (or VBRI) header frame, which is not
/// audio and is skipped. When its LAME extension is signed "LAME", "Lavf" or "Lavc" (the encoders
/// ffmpeg trusts), its encoder delay and padding are honoured: the first delay + 529 decoded samples
/// (529 = the decoder's own delay) are dropped and the output ends at frames × samples-per-frame −
/// padding + 529 decoded samples. Without such a tag nothing is trimmed, as in ffmpeg.</para>
/// <para>ID3v2 tags in front are skipped; an ID3v1 ("TAG"), APEv2 ("APETAGEX") or Lyrics3 tag after
/// the last frame ends the audio. Bytes between frames that are not a frame are skipped up to the
/// next pair of consistent frame headers, with a warning. A file cut inside a frame, or holding fewer
/// frames than its Xing/Info header announces, is decoded as far as it goes with a truncation warning.
/// A frame NLayer cannot decode fails the whole decode.</para>
/// </remarks>
internal sealed class Mp3Source : BlockDecodingSource
{
    /// <summary>Samples of delay of the MPEG audio synthesis filter bank that ffmpeg compensates (528 + 1).</summary>
    public const int DecoderDelay = 529;

    private const int FirstFrameSearch = 1 << 16;
    private const int ResyncSearch = 1 << 20;

    private readonly LookaheadReader _reader;
    private readonly MpegFrameDecoder _decoder = new();
    private readonly Mp3Frame _frame = new();
    private readonly float[] _pcm = new float[2304];
    private readonly MpegFrameHeader _stream;
    private readonly long _skip;
    private readonly long _end;
    private readonly long? _announcedFrames;
    private long _decoded;
    private int _frames;

    private Mp3Source(string source, LookaheadReader reader, MpegFrameHeader first, long skip, long end, long? announcedFrames)
        : base(source)
    {
        _reader = reader;
        _stream = first;
        _skip = skip;
        _end = end;
        _announcedFrames = announcedFrames;
    }

    /// <inheritdoc/>
    public override int SampleRate => _stream.SampleRate;

    /// <inheritdoc/>
    public override int SourceChannels => _stream.Channels;

    /// <inheritdoc/>
    public override string DecoderName => "MP3 (NLayer)";

    /// <summary>Reads the tags and the first frame (the Xing/Info header, if any) and prepares to decode.</summary>
    public static Mp3Source Open(Stream stream, string source)
    {
        var reader = new LookaheadReader(stream);
        Id3v2.Skip(reader, source);
        long tagEnd = reader.Position;
        if (!FindFrame(reader, FirstFrameSearch, null))
        {
            throw new AudioFormatException(source, $"no MPEG Layer III frame found in the {FirstFrameSearch} bytes after byte {tagEnd}");
        }

        MpegFrameHeader.TryParse(reader.Peek(MpegFrameHeader.Length), out var first);
        var bytes = reader.Peek(first.FrameLength);
        if (bytes.Length < first.FrameLength)
        {
            throw new AudioFormatException(source, $"the file ends inside its first MPEG frame (byte {reader.Position}: {bytes.Length} of {first.FrameLength} bytes)");
        }

        var tag = VbrTag.Parse(bytes, first);
        if (tag is null)
        {
            return new Mp3Source(source, reader, first, 0, long.MaxValue, null);
        }

        reader.Advance(first.FrameLength);
        long skip = 0, end = long.MaxValue;
        if (tag.Value.Delay is int delay && tag.Value.Padding is int padding)
        {
            skip = delay + DecoderDelay;
            if (tag.Value.Frames is long frames && frames > 0)
            {
                end = (frames * first.SamplesPerFrame) - padding + DecoderDelay;
            }
        }

        return new Mp3Source(source, reader, first, skip, end, tag.Value.Frames);
    }

    /// <summary>
    /// Moves to the next frame header within <paramref name="limit"/> bytes that is confirmed by a
    /// consistent header right after its frame (or by the end of the file); false if none.
    /// </summary>
    private static bool FindFrame(LookaheadReader reader, int limit, MpegFrameHeader? stream)
    {
        for (int scanned = 0; scanned < limit; scanned++)
        {
            var head = reader.Peek(MpegFrameHeader.Length);
            if (head.Length < MpegFrameHeader.Length)
            {
                return false;
            }

            if (MpegFrameHeader.TryParse(head, out var header) && (stream is null || stream.Value.SameStream(header)))
            {
                var window = reader.Peek(header.FrameLength + MpegFrameHeader.Length);
                if (window.Length <= header.FrameLength
                    || (MpegFrameHeader.TryParse(window[header.FrameLength..], out var next) && header.SameStream(next)))
                {
                    return true;
                }
            }

            reader.Advance(1);
        }

        return false;
    }

    private static bool IsTrailingTag(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("TAG"u8) || bytes.StartsWith("APETAGEX"u8) || bytes.StartsWith("LYRICSBEGIN"u8);

    /// <summary>Decodes the next frame into the pending samples; false at the end of the audio.</summary>
    protected override bool DecodeNextBlock()
    {
        if (_decoded >= _end)
        {
            return false;
        }

        var head = _reader.Peek(12);
        if (head.IsEmpty || IsTrailingTag(head))
        {
            CheckFrameCount();
            return false;
        }

        if (!MpegFrameHeader.TryParse(head, out var header) || !_stream.SameStream(header))
        {
            long at = _reader.Position;
            if (!FindFrame(_reader, ResyncSearch, _stream))
            {
                AddWarning($"the {_reader.Position - at} bytes from byte {at} to the end are not MPEG frames; decoded the {_frames} frames before them");
                return false;
            }

            AddWarning($"skipped {_reader.Position - at} bytes that are not an MPEG frame at byte {at}");
            MpegFrameHeader.TryParse(_reader.Peek(MpegFrameHeader.Length), out header);
        }

        var bytes = _reader.Peek(header.FrameLength);
        if (bytes.Length < header.FrameLength)
        {
            AddWarning($"truncated: the file ends inside MPEG frame {_frames + 1} (byte {_reader.Position}: {bytes.Length} of {header.FrameLength} bytes); decoded the {_frames} whole frames");
            return false;
        }

        _frame.Load(header, bytes);
        _reader.Advance(header.FrameLength);
        _frames++;
        int produced;
        try
        {
            produced = _decoder.DecodeFrame(_frame, _pcm, 0);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new AudioFormatException(SourceName, $"MPEG frame {_frames} (byte {_reader.Position - header.FrameLength}) cannot be decoded: {error.Message}", error);
        }

        int samples = produced / header.Channels;
        long first = _decoded;
        _decoded += samples;
        int start = (int)Math.Clamp(_skip - first, 0, samples);
        PublishBlock(_pcm.AsSpan(0, produced), header.Channels, start, (int)Math.Clamp(_end - first, start, samples));
        return true;
    }

    private void CheckFrameCount()
    {
        if (_announcedFrames is long announced && _frames < announced)
        {
            AddWarning($"truncated: the Xing/Info header announces {announced} frames, the file holds {_frames}");
        }
    }

    /// <summary>What the Xing/Info (with its LAME extension) or VBRI header frame says.</summary>
    private readonly record struct VbrTag(long? Frames, int? Delay, int? Padding)
    {
        /// <summary>The tag in <paramref name="frame"/>, or null when the frame is audio.</summary>
        public static VbrTag? Parse(ReadOnlySpan<byte> frame, MpegFrameHeader header)
        {
            int at = MpegFrameHeader.Length + header.SideInfoLength;
            if (frame.Length >= at + 8 && (frame[at..].StartsWith("Xing"u8) || frame[at..].StartsWith("Info"u8)))
            {
                return ParseXing(frame, at + 4);
            }

            const int VbriAt = MpegFrameHeader.Length + 32;
            if (frame.Length >= VbriAt + 18 && frame[VbriAt..].StartsWith("VBRI"u8))
            {
                return new VbrTag(BinaryPrimitives.ReadUInt32BigEndian(frame[(VbriAt + 14)..]), null, null);
            }

            return null;
        }

        private static VbrTag ParseXing(ReadOnlySpan<byte> frame, int at)
        {
            uint flags = BinaryPrimitives.ReadUInt32BigEndian(frame[at..]);
            at += 4;
            long? frames = null;
            if ((flags & 1) != 0 && frame.Length >= at + 4)
            {
                frames = BinaryPrimitives.ReadUInt32BigEndian(frame[at..]);
                at += 4;
            }

            at += ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
            const int DelayOffset = 21;
            if (frame.Length < at + DelayOffset + 3)
            {
                return new VbrTag(frames, null, null);
            }

            var encoder = frame.Slice(at, 4);
            if (!(encoder.SequenceEqual("LAME"u8) || encoder.SequenceEqual("Lavf"u8) || encoder.SequenceEqual("Lavc"u8)))
            {
                return new VbrTag(frames, null, null);
            }

            int packed = (frame[at + DelayOffset] << 16) | (frame[at + DelayOffset + 1] << 8) | frame[at + DelayOffset + 2];
            return new VbrTag(frames, packed >> 12, packed & 0xFFF);
        }
    }
}
