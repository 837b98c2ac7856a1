using NLayer;

namespace GenreML.Audio.Decoding;

/// <summary>One Layer III frame's bytes presented to NLayer's <see cref="MpegFrameDecoder"/>; reused frame after frame.</summary>
internal sealed class Mp3Frame : IMpegFrame
{
    private readonly byte[] _bytes = new byte[4096];
    private MpegFrameHeader _header;
    private int _readOffset;
    private ulong _bitBucket;
    private int _bitsInBucket;

    /// <summary>The frame's bytes, header first; valid for <see cref="FrameLength"/> bytes after <see cref="Load"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, FrameLength);

    /// <summary>The frame's header.</summary>
    public MpegFrameHeader Header => _header;

    /// <inheritdoc/>
    public int SampleRate => _header.SampleRate;

    /// <inheritdoc/>
    public int SampleRateIndex => _header.SampleRateIndex;

    /// <inheritdoc/>
    public int FrameLength => _header.FrameLength;

    /// <inheritdoc/>
    public int BitRate => _header.BitRate;

    /// <inheritdoc/>
    public MpegVersion Version => _header.Version;

    /// <inheritdoc/>
    public MpegLayer Layer => MpegLayer.LayerIII;

    /// <inheritdoc/>
    public MpegChannelMode ChannelMode => _header.ChannelMode;

    /// <inheritdoc/>
    public int ChannelModeExtension => _header.ModeExtension;

    /// <inheritdoc/>
    public int SampleCount => _header.SamplesPerFrame;

    /// <inheritdoc/>
    public int BitRateIndex => _header.BitrateIndex;

    /// <inheritdoc/>
    public bool IsCopyrighted => (_header.Bits & 8) != 0;

    /// <inheritdoc/>
    public bool HasCrc => _header.HasCrc;

    /// <inheritdoc/>
    public bool IsCorrupted => false;

    /// <summary>Takes the frame <paramref name="bytes"/> (exactly <paramref name="header"/>'s frame length) as the current frame.</summary>
    public void Load(MpegFrameHeader header, ReadOnlySpan<byte> bytes)
    {
        _header = header;
        bytes.CopyTo(_bytes);
        Reset();
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _readOffset = MpegFrameHeader.Length + (_header.HasCrc ? 2 : 0);
        _bitBucket = 0;
        _bitsInBucket = 0;
    }

    /// <inheritdoc/>
    public int ReadBits(int bitCount)
    {
        while (_bitsInBucket < bitCount)
        {
            if (_readOffset >= FrameLength)
            {
                return -1;
            }

            _bitBucket = (_bitBucket << 8) | _bytes[_readOffset++];
            _bitsInBucket += 8;
        }

        _bitsInBucket -= bitCount;
        return (int)((_bitBucket >> _bitsInBucket) & ((1UL << bitCount) - 1));
    }
}
