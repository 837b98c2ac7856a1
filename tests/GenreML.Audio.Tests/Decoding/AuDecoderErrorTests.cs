using GenreML.Audio.Tests.Decoding.Builders;
using static GenreML.Audio.Tests.Decoding.Builders.AuBytes;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>One test per reason an AU file is refused.</summary>
public class AuDecoderErrorTests
{
    private static readonly byte[] FourSamples = SampleBytes.Int([1, 2, 3, 4], 2, bigEndian: true);

    private static void Fails(byte[] file, params string[] fragments)
    {
        var error = Decode.AuError(file);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, error.Reason);
        }
    }

    [Fact]
    public void Empty_file() => Fails([], "empty");

    [Fact]
    public void Truncated_header() => Fails(File(Linear16, 1, 8000, [])[..10], "10 bytes", "24-byte AU header");

    [Fact]
    public void Wrong_magic() => Fails("RIFF\0\0\0\0WAVEfmt \0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), "not an AU file", "0x52494646");

    [Fact]
    public void Zero_channels() => Fails(File(Linear16, 0, 8000, FourSamples), "zero channels");

    [Fact]
    public void Absurd_channel_count() => Fails(File(Linear16, 100_000, 8000, FourSamples), "100000 channels");

    [Fact]
    public void Absurd_rate() => Fails(File(Linear16, 1, 5_000_000, FourSamples), "5000000 Hz");

    [Fact]
    public void Unsupported_encoding() => Fails(File(23, 1, 8000, FourSamples), "AU encoding 23 (G.721/G.722/G.723 ADPCM)", "not supported");

    [Fact]
    public void Data_offset_inside_the_header() => Fails(File(Linear16, 1, 8000, FourSamples, dataOffsetField: 12), "byte 12");

    [Fact]
    public void Data_offset_beyond_the_file() => Fails(File(Linear16, 1, 8000, FourSamples, dataOffsetField: 1000), "byte 1000", "has only 32 bytes");

    [Fact]
    public void Data_size_beyond_the_file_decodes_what_is_there_with_a_warning()
    {
        var signal = Decode.Au(File(Linear16, 1, 8000, FourSamples, dataSizeField: 100));
        Assert.Equal(4, signal.Samples.Length);
        Assert.Contains("claims 100 bytes of audio", signal.Warning);
    }

    [Fact]
    public void Data_size_not_whole_frames() => Fails(File(Linear16, 2, 8000, FourSamples, dataSizeField: 6), "6 bytes of audio", "4-byte frames");

    [Fact]
    public void Unknown_size_with_partial_frame_is_a_truncation()
    {
        var signal = Decode.Au(File(Linear16, 2, 8000, FourSamples[..6], dataSizeField: 0xFFFFFFFF));
        Assert.Single(signal.Samples);
        Assert.Contains("partial frame", signal.Warning);
    }

    [Fact]
    public void No_audio() => Fails(File(Linear16, 1, 8000, []), "no audio samples");

    [Fact]
    public void Nan_in_float_data() => Fails(File(AuBytes.Float, 1, 8000, SampleBytes.Float([double.NaN], 4, bigEndian: true)), "NaN");
}
