using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;
using static GenreML.Audio.Tests.Decoding.Builders.WavBytes;

namespace GenreML.Audio.Tests.Decoding;

public class WavDecoderTests
{
    [Fact]
    public void Pcm16_mono_decodes_to_value_over_32768()
    {
        int[] values = [0, 1, -1, 32767, -32768, 1000, -12345];
        var signal = Decode.Wav(Pcm16(1, 22050, values));
        Assert.Equal(values.Select(v => v / 32768f), signal.Samples);
        Assert.Equal(22050, signal.SampleRate);
        Assert.Equal(1, signal.SourceChannels);
    }

    [Fact]
    public void Pcm8_is_unsigned_with_midpoint_128()
    {
        int[] values = [-128, -1, 0, 1, 127];
        var file = Simple(Fmt(Pcm, 1, 8000, 8), SampleBytes.Int(values, 1, bigEndian: false, unsigned8: true));
        Assert.Equal(values.Select(v => v / 128f), Decode.Wav(file).Samples);
    }

    [Fact]
    public void Pcm24_decodes_to_value_over_2_pow_23()
    {
        int[] values = [-8388608, -1, 0, 1, 8388607, 123456, -654321];
        var file = Simple(Fmt(Pcm, 1, 48000, 24), SampleBytes.Int(values, 3, bigEndian: false));
        Assert.Equal(values.Select(v => v / 8388608f), Decode.Wav(file).Samples);
    }

    [Fact]
    public void Pcm32_decodes_to_value_over_2_pow_31()
    {
        int[] values = [int.MinValue, -1, 0, 1, int.MaxValue, 123456789];
        var file = Simple(Fmt(Pcm, 1, 96000, 32), SampleBytes.Int(values, 4, bigEndian: false));
        Assert.Equal(values.Select(v => (float)(v / 2147483648.0)), Decode.Wav(file).Samples);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Ieee_float_is_taken_as_is_including_values_beyond_full_scale(int bits)
    {
        double[] values = [0, 0.5, -1, 1.5, 1e-7, -0.333];
        var file = Simple(Fmt(WavBytes.Float, 1, 44100, bits), SampleBytes.Float(values, bits / 8, bigEndian: false));
        Assert.Equal(values.Select(v => (float)v), Decode.Wav(file).Samples);
    }

    [Fact]
    public void Twelve_bit_pcm_is_read_from_its_left_justified_16_bit_container()
    {
        int[] values = [16 * 2047, 16 * -2048, 16 * 5];
        var file = Simple(Fmt(Pcm, 1, 8000, 12), SampleBytes.Int(values, 2, bigEndian: false));
        Assert.Equal(values.Select(v => v / 32768f), Decode.Wav(file).Samples);
    }

    [Fact]
    public void Extensible_pcm_with_20_valid_bits_in_24_bit_container()
    {
        int[] values = [16 * 524287, 16 * -524288, 16 * 3];
        var file = Simple(FmtExtensible(Pcm, 1, 48000, 24, 20), SampleBytes.Int(values, 3, bigEndian: false));
        Assert.Equal(values.Select(v => v / 8388608f), Decode.Wav(file).Samples);
    }

    [Theory]
    [InlineData(Pcm, 16, 16)]
    [InlineData(Pcm, 16, 0)]
    [InlineData(Pcm, 8, 8)]
    [InlineData(WavBytes.Float, 32, 32)]
    public void Extensible_equals_the_plain_format(ushort subTag, int bits, int validBits)
    {
        byte[] data = subTag == WavBytes.Float
            ? SampleBytes.Float([0.25, -0.75, 0.1, 0.2], 4, bigEndian: false)
            : SampleBytes.Int([1, -2, 3, -4], bits / 8, bigEndian: false, unsigned8: true);
        var plain = Decode.Wav(Simple(Fmt(subTag, 2, 16000, bits), data));
        var extensible = Decode.Wav(Simple(FmtExtensible(subTag, 2, 16000, bits, validBits, channelMask: 3), data));
        Assert.Equal(plain.Samples, extensible.Samples);
        Assert.Equal(2, extensible.Samples.Length);
    }

    [Fact]
    public void Mu_law_and_a_law_in_wav_follow_g711()
    {
        var mu = Decode.Wav(Simple(Fmt(MuLaw, 1, 8000, 8), [0xFF, 0x7F, 0x80, 0x00]));
        Assert.Equal(new[] { 0f, 0f, 32124 / 32768f, -32124 / 32768f }, mu.Samples);
        var a = Decode.Wav(Simple(Fmt(ALaw, 1, 8000, 8), [0xD5, 0x55, 0xAA, 0x2A]));
        Assert.Equal(new[] { 8 / 32768f, -8 / 32768f, 32256 / 32768f, -32256 / 32768f }, a.Samples);
        var extensible = Decode.Wav(Simple(FmtExtensible(MuLaw, 1, 8000, 8, 8), [0xFF, 0x7F, 0x80, 0x00]));
        Assert.Equal(mu.Samples, extensible.Samples);
    }

    [Fact]
    public void Stereo_is_the_mean_of_the_two_channels()
    {
        var signal = Decode.Wav(Pcm16(2, 44100, 1000, 3000, -32768, 32767, 5, -5));
        Assert.Equal(new[] { 2000 / 32768f, -0.5f / 32768f, 0f }, signal.Samples);
        Assert.Equal(2, signal.SourceChannels);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(64)]
    public void Multichannel_is_the_mean_of_all_channels(int channels)
    {
        var random = new Random(channels);
        int frames = 50;
        int[] values = Enumerable.Range(0, frames * channels).Select(_ => random.Next(-32768, 32768)).ToArray();
        var signal = Decode.Wav(Simple(FmtExtensible(Pcm, channels, 48000, 16, 16), SampleBytes.Int(values, 2, bigEndian: false)));
        Assert.Equal(frames, signal.Samples.Length);
        Assert.Equal(channels, signal.SourceChannels);
        for (int f = 0; f < frames; f++)
        {
            double mean = values.Skip(f * channels).Take(channels).Average() / 32768;
            Assert.Equal(mean, signal.Samples[f], 1e-6);
        }
    }

    [Fact]
    public void Chunks_in_any_order_with_odd_sizes_and_pad_bytes_are_walked()
    {
        int[] values = [10, -20, 30];
        byte[] data = SampleBytes.Int(values, 2, bigEndian: false);
        var file = File(
        [
            new RiffChunk("LIST", "INFOISFT\u0005\0\0\0abcde\0"u8.ToArray()),
            new RiffChunk("junk", [1, 2, 3]),
            new RiffChunk("data", data),
            new RiffChunk("bext", [9]),
            new RiffChunk("fmt ", Fmt(Pcm, 1, 22050, 16)),
            new RiffChunk("fact", [3, 0, 0, 0]),
        ]);
        Assert.Equal(values.Select(v => v / 32768f), Decode.Wav(file).Samples);
    }

    [Fact]
    public void Odd_sized_8_bit_data_chunk_followed_by_more_chunks()
    {
        var file = File(
        [
            new RiffChunk("fmt ", Fmt(Pcm, 1, 8000, 8)),
            new RiffChunk("data", [128, 255, 0]),
            new RiffChunk("LIST", [1, 2, 3, 4]),
        ]);
        Assert.Equal(new[] { 0f, 127 / 128f, -1f }, Decode.Wav(file).Samples);
    }

    [Fact]
    public void A_missing_pad_byte_at_the_end_of_the_file_is_tolerated()
    {
        var file = File([new RiffChunk("fmt ", Fmt(Pcm, 1, 8000, 8)), new RiffChunk("data", [128, 129, 130], Pad: false)]);
        Assert.Equal(3, Decode.Wav(file).Samples.Length);
    }

    [Theory]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0u)]
    public void Unknown_data_size_of_streaming_writers_reads_to_the_end(uint sizeField)
    {
        int[] values = [1, 2, 3, 4, 5, 6];
        var file = File([new RiffChunk("fmt ", Fmt(Pcm, 2, 44100, 16)), new RiffChunk("data", SampleBytes.Int(values, 2, bigEndian: false), sizeField)]);
        Assert.Equal(new[] { 1.5f / 32768, 3.5f / 32768, 5.5f / 32768 }, Decode.Wav(file).Samples);
    }

    [Theory]
    [InlineData("RF64")]
    [InlineData("BW64")]
    public void Rf64_takes_the_data_size_from_ds64(string riffId)
    {
        int[] values = [7, 8, 9, 10];
        byte[] data = SampleBytes.Int(values, 2, bigEndian: false);
        var file = File(
        [
            new RiffChunk("ds64", Ds64(6, 3)),
            new RiffChunk("fmt ", Fmt(Pcm, 1, 48000, 16)),
            new RiffChunk("data", data, 0xFFFFFFFF),
        ], riffId);
        Assert.Equal(new[] { 7 / 32768f, 8 / 32768f, 9 / 32768f }, Decode.Wav(file).Samples);
    }

    [Fact]
    public void Bytes_after_a_sized_data_chunk_are_not_audio()
    {
        byte[] file = [.. Pcm16(1, 8000, 100, 200), .. "trailing garbage"u8.ToArray()];
        Assert.Equal(new[] { 100 / 32768f, 200 / 32768f }, Decode.Wav(file).Samples);
    }

    [Fact]
    public void Decoding_starts_at_the_stream_position()
    {
        byte[] wav = Pcm16(1, 8000, 100, 200);
        var stream = new MemoryStream([0xAB, 0xCD, .. wav]);
        stream.Position = 2;
        Assert.Equal(2, WavDecoder.Read(stream, "offset.wav").Samples.Length);
    }

    [Fact]
    public void Read_by_path_names_the_file_in_errors()
    {
        string path = Path.Combine(Path.GetTempPath(), $"genreml-{Guid.NewGuid():N}.wav");
        try
        {
            System.IO.File.WriteAllBytes(path, Pcm16(1, 8000, 1, 2, 3));
            Assert.Equal(3, WavDecoder.Read(path).Samples.Length);
            System.IO.File.WriteAllBytes(path, "RIFF"u8.ToArray());
            var error = Assert.Throws<AudioFormatException>(() => WavDecoder.Read(path));
            Assert.Equal(path, error.Source);
            Assert.StartsWith(path + ": ", error.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
