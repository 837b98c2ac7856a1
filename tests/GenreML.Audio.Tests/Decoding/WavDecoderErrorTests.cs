using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;
using static GenreML.Audio.Tests.Decoding.Builders.WavBytes;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>One test per reason a WAV file is refused, each checking the message says what is wrong.</summary>
public class WavDecoderErrorTests
{
    private static readonly byte[] Fmt16 = Fmt(Pcm, 1, 8000, 16);
    private static readonly byte[] TwoSamples = SampleBytes.Int([1, 2], 2, bigEndian: false);

    private static void Fails(byte[] file, params string[] fragments)
    {
        var error = Decode.WavError(file);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, error.Reason);
        }
    }

    [Fact]
    public void Empty_file() => Fails([], "empty");

    [Fact]
    public void Truncated_riff_header() => Fails("RIFF\0\0"u8.ToArray(), "6 bytes", "too short");

    [Fact]
    public void Not_riff_at_all() => Fails("OggS\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), "not a WAV file", "\"OggS\"");

    [Fact]
    public void Riff_of_another_type() => Fails("RIFF\0\0\0\0AVI LIST"u8.ToArray(), "\"AVI \"", "not \"WAVE\"");

    [Fact]
    public void No_chunks() => Fails(File([]), "no fmt chunk and no data chunk");

    [Fact]
    public void No_fmt_chunk() => Fails(File([new RiffChunk("data", TwoSamples)]), "no fmt chunk");

    [Fact]
    public void No_data_chunk() => Fails(File([new RiffChunk("fmt ", Fmt16)]), "no data chunk");

    [Fact]
    public void Stray_bytes_instead_of_a_chunk_header() =>
        Fails([.. File([new RiffChunk("fmt ", Fmt16)]), 1, 2, 3], "no data chunk", "3 stray byte(s)");

    [Fact]
    public void Fmt_chunk_too_small() => Fails(File([new RiffChunk("fmt ", new byte[10]), new RiffChunk("data", TwoSamples)]), "fmt chunk is 10 bytes");

    [Fact]
    public void Fmt_chunk_claims_absurd_size() =>
        Fails(File([new RiffChunk("fmt ", Fmt16, SizeField: 0x7FFFFFF0), new RiffChunk("data", TwoSamples)]), "fmt chunk claims 2147483632 bytes");

    [Fact]
    public void File_ends_inside_fmt_chunk() => Fails(File([new RiffChunk("fmt ", Fmt16, SizeField: 40)]), "ends inside the \"fmt \" chunk", "claims 40 bytes, 16 are present");

    [Fact]
    public void Two_fmt_chunks() =>
        Fails(File([new RiffChunk("fmt ", Fmt16), new RiffChunk("fmt ", Fmt16), new RiffChunk("data", TwoSamples)]), "two fmt chunks");

    [Fact]
    public void Two_data_chunks_before_fmt() =>
        Fails(File([new RiffChunk("data", TwoSamples), new RiffChunk("data", TwoSamples), new RiffChunk("fmt ", Fmt16)]), "two data chunks");

    [Fact]
    public void Zero_channels() => Fails(Simple(Fmt(Pcm, 0, 8000, 16, blockAlign: 2), TwoSamples), "zero channels");

    [Fact]
    public void Too_many_channels() => Fails(Simple(Fmt(Pcm, 65, 8000, 16), new byte[130]), "65 channels", "at most 64");

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(800_000)]
    public void Absurd_sample_rate(int rate) => Fails(Simple(Fmt(Pcm, 1, rate, 16), TwoSamples), $"sample rate of {rate} Hz");

    [Fact]
    public void Block_align_mismatch() => Fails(Simple(Fmt(Pcm, 2, 8000, 16, blockAlign: 2), TwoSamples), "block align is 2 bytes", "need 4");

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void Pcm_bit_depth_out_of_range(int bits) => Fails(Simple(Fmt(Pcm, 1, 8000, bits, blockAlign: 2), TwoSamples), $"PCM with {bits} bits");

    [Fact]
    public void Float_of_16_bits() => Fails(Simple(Fmt(WavBytes.Float, 1, 8000, 16), TwoSamples), "IEEE float with 16 bits");

    [Fact]
    public void Mu_law_of_16_bits() => Fails(Simple(Fmt(MuLaw, 1, 8000, 16), TwoSamples), "must have 8 bits per sample, not 16");

    [Fact]
    public void Compressed_codec_is_named() => Fails(Simple(Fmt(0x0055, 1, 8000, 0, blockAlign: 1), TwoSamples), "0x0055 (MPEG Layer 3)", "not supported");

    [Fact]
    public void Compressed_codec_as_extensible_sub_format_is_named() =>
        Fails(Simple(FmtExtensible(0x0002, 1, 8000, 8, 8), TwoSamples), "0x0002 (Microsoft ADPCM)", "not supported");

    [Fact]
    public void Extensible_fmt_too_short() => Fails(Simple(Fmt(Extensible, 1, 8000, 16), TwoSamples), "WAVE_FORMAT_EXTENSIBLE", "needs 40");

    [Fact]
    public void Extensible_with_unknown_sub_format()
    {
        byte[] fmt = FmtExtensible(Pcm, 1, 8000, 16, 16);
        fmt[30] ^= 0xFF;
        Fails(Simple(fmt, TwoSamples), "sub-format", "not a known audio encoding");
    }

    [Fact]
    public void Extensible_valid_bits_beyond_container() => Fails(Simple(FmtExtensible(Pcm, 1, 8000, 16, 24), TwoSamples), "24 valid bits in a 16-bit container");

    [Fact]
    public void Extensible_container_not_whole_bytes() => Fails(Simple(FmtExtensible(Pcm, 1, 8000, 12, 12), TwoSamples), "12-bit container");

    [Fact]
    public void Data_size_beyond_the_end_of_the_file_decodes_what_is_there_with_a_warning()
    {
        var signal = Decode.Wav(File([new RiffChunk("fmt ", Fmt16), new RiffChunk("data", TwoSamples, SizeField: 1000)]));
        Assert.Equal(new[] { 1 / 32768f, 2 / 32768f }, signal.Samples);
        Assert.Contains("claims 1000 bytes of audio", signal.Warning);
    }

    [Fact]
    public void Truncated_copy_reports_both_sizes_in_its_warning()
    {
        byte[] full = Pcm16(1, 8000, 1, 2, 3, 4, 5);
        var signal = Decode.Wav(full[..^3]);
        Assert.Equal(new[] { 1 / 32768f, 2 / 32768f, 3 / 32768f }, signal.Samples);
        Assert.Equal("truncated: the header claims 10 bytes of audio, but the file ends after 7; decoded the 3 whole frames present", signal.Warning);
        Assert.Null(Decode.Wav(full).Warning);
    }

    [Fact]
    public void Data_size_not_a_whole_number_of_frames() =>
        Fails(File([new RiffChunk("fmt ", Fmt(Pcm, 2, 8000, 16)), new RiffChunk("data", new byte[6])]), "6 bytes of audio", "4-byte frames");

    [Fact]
    public void Unknown_size_data_ending_in_a_partial_frame_is_a_truncation()
    {
        var signal = Decode.Wav(File([new RiffChunk("fmt ", Fmt(Pcm, 2, 8000, 16)), new RiffChunk("data", new byte[6], SizeField: 0xFFFFFFFF)]));
        Assert.Single(signal.Samples);
        Assert.Contains("partial frame", signal.Warning);
        Assert.Contains("6 bytes", signal.Warning);
    }

    [Fact]
    public void Unknown_size_data_before_fmt() =>
        Fails(File([new RiffChunk("data", TwoSamples, SizeField: 0xFFFFFFFF), new RiffChunk("fmt ", Fmt16)]), "before the fmt chunk", "does not state its length");

    [Fact]
    public void Chunk_before_data_runs_past_the_end() =>
        Fails(File([new RiffChunk("fmt ", Fmt16), new RiffChunk("LIST", [1, 2, 3, 4], SizeField: 5000)]), "ends inside the \"LIST\" chunk", "claims 5000 bytes, 4 are present");

    [Fact]
    public void Early_data_chunk_runs_past_the_end_without_a_format() =>
        Fails(File([new RiffChunk("data", TwoSamples, SizeField: 400)]), "no fmt chunk");

    [Fact]
    public void Empty_data_chunk() => Fails(File([new RiffChunk("fmt ", Fmt16), new RiffChunk("data", [])]), "no audio samples");

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "infinite")]
    public void Non_finite_float_sample(double bad, string word) =>
        Fails(Simple(Fmt(WavBytes.Float, 1, 8000, 32), SampleBytes.Float([0.1, bad], 4, bigEndian: false)), "sample 1", word);

    [Fact]
    public void Rf64_ds64_too_small() =>
        Fails(File([new RiffChunk("ds64", new byte[8]), new RiffChunk("fmt ", Fmt16), new RiffChunk("data", TwoSamples)], "RF64"), "ds64 chunk is 8 bytes");

    [Fact]
    public void Missing_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"genreml-missing-{Guid.NewGuid():N}.wav");
        var error = Assert.Throws<AudioFormatException>(() => WavDecoder.Read(path));
        Assert.Equal(path, error.Source);
        Assert.Contains("does not exist", error.Reason);
    }

    [Fact]
    public void Directory_instead_of_file()
    {
        var error = Assert.Throws<AudioFormatException>(() => WavDecoder.Read(Path.GetTempPath()));
        Assert.Contains("is a directory", error.Reason);
    }
}
