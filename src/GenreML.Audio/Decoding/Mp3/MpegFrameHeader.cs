using NLayer;

namespace GenreML.Audio.Decoding;

/// <summary>
/// The 4-byte header of an MPEG-1/2/2.5 Layer III frame (ISO 11172-3, 13818-3): only valid Layer III
/// headers with a bitrate from the table parse (free-format and Layer I/II streams go to ffmpeg).
/// </summary>
internal readonly record struct MpegFrameHeader(uint Bits)
{
    private static readonly int[] Mpeg1Kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2Kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];

    /// <summary>Bytes of the header.</summary>
    public const int Length = 4;

    /// <summary>MPEG version bits: 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5.</summary>
    public int VersionBits => (int)(Bits >> 19) & 3;

    /// <summary>True for a Layer III header (the only kind that parses).</summary>
    public bool IsLayer3 => ((Bits >> 17) & 3) == 1;

    /// <summary>True for a free-format stream (bitrate index 0), which this decoder refuses.</summary>
    public bool IsFreeFormat => BitrateIndex == 0;

    /// <summary>True when a 16-bit CRC follows the header.</summary>
    public bool HasCrc => (Bits & 0x10000) == 0;

    /// <summary>The bitrate index (1–14).</summary>
    public int BitrateIndex => (int)(Bits >> 12) & 15;

    /// <summary>The sample rate index (0–2).</summary>
    public int SampleRateIndex => (int)(Bits >> 10) & 3;

    /// <summary>Samples per second.</summary>
    public int SampleRate => Mpeg1Rates[SampleRateIndex] >> (VersionBits == 3 ? 0 : VersionBits == 2 ? 1 : 2);

    /// <summary>Bits per second.</summary>
    public int BitRate => (VersionBits == 3 ? Mpeg1Kbps : Mpeg2Kbps)[BitrateIndex] * 1000;

    /// <summary>1 when the frame carries one padding byte.</summary>
    public int Padding => (int)(Bits >> 9) & 1;

    /// <summary>The channel mode bits (3 = mono).</summary>
    public MpegChannelMode ChannelMode => (MpegChannelMode)((Bits >> 6) & 3);

    /// <summary>The mode extension bits (joint stereo).</summary>
    public int ModeExtension => (int)(Bits >> 4) & 3;

    /// <summary>1 or 2.</summary>
    public int Channels => ChannelMode == MpegChannelMode.Mono ? 1 : 2;

    /// <summary>Samples per channel in one frame: 1152 (MPEG-1) or 576 (MPEG-2/2.5).</summary>
    public int SamplesPerFrame => VersionBits == 3 ? 1152 : 576;

    /// <summary>The whole frame's length in bytes, header included.</summary>
    public int FrameLength => (SamplesPerFrame / 8 * BitRate / SampleRate) + Padding;

    /// <summary>Bytes of side information after the header (and CRC).</summary>
    public int SideInfoLength => VersionBits == 3 ? (Channels == 1 ? 17 : 32) : (Channels == 1 ? 9 : 17);

    /// <summary>The NLayer version of this header.</summary>
    public MpegVersion Version => VersionBits switch { 3 => MpegVersion.Version1, 2 => MpegVersion.Version2, _ => MpegVersion.Version25 };

    /// <summary>True when <paramref name="other"/> can follow this header in the same stream (same version, rate and channel count).</summary>
    public bool SameStream(MpegFrameHeader other) =>
        other.VersionBits == VersionBits && other.SampleRateIndex == SampleRateIndex && other.Channels == Channels;

    /// <summary>Parses a Layer III header with a tabled bitrate from the first 4 bytes of <paramref name="bytes"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out MpegFrameHeader header)
    {
        header = default;
        if (bytes.Length < Length)
        {
            return false;
        }

        uint bits = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        var candidate = new MpegFrameHeader(bits);
        bool valid = (bits & 0xFFE00000) == 0xFFE00000
            && candidate.VersionBits != 1
            && candidate.IsLayer3
            && candidate.BitrateIndex is > 0 and < 15
            && candidate.SampleRateIndex != 3
            && (bits & 3) != 2;
        if (valid)
        {
            header = candidate;
        }

        return valid;
    }
}
