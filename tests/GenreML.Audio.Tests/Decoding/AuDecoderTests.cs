using GenreML.Audio.Tests.Decoding.Builders;
using static GenreML.Audio.Tests.Decoding.Builders.AuBytes;

namespace GenreML.Audio.Tests.Decoding;

public class AuDecoderTests
{
    [Fact]
    public void Linear16_big_endian_with_annotation()
    {
        int[] values = [0, 1, -1, 32767, -32768, 4660];
        var signal = Decode.Au(File(Linear16, 1, 22050, SampleBytes.Int(values, 2, bigEndian: true), annotation: "blues.00029.wav"));
        Assert.Equal(values.Select(v => v / 32768f), signal.Samples);
        Assert.Equal(22050, signal.SampleRate);
    }

    [Fact]
    public void Linear8_is_signed()
    {
        int[] values = [-128, -1, 0, 1, 127];
        Assert.Equal(values.Select(v => v / 128f), Decode.Au(File(Linear8, 1, 8000, SampleBytes.Int(values, 1, bigEndian: true))).Samples);
    }

    [Fact]
    public void Linear24_and_32()
    {
        int[] v24 = [-8388608, 8388607, 70000, -3];
        Assert.Equal(v24.Select(v => v / 8388608f), Decode.Au(File(Linear24, 1, 8000, SampleBytes.Int(v24, 3, bigEndian: true))).Samples);
        int[] v32 = [int.MinValue, int.MaxValue, 123456789, -7];
        Assert.Equal(v32.Select(v => (float)(v / 2147483648.0)), Decode.Au(File(Linear32, 1, 8000, SampleBytes.Int(v32, 4, bigEndian: true))).Samples);
    }

    [Fact]
    public void Float_and_double()
    {
        double[] values = [0.25, -1, 1.25, 3e-5];
        Assert.Equal(values.Select(v => (float)v), Decode.Au(File(AuBytes.Float, 1, 8000, SampleBytes.Float(values, 4, bigEndian: true))).Samples);
        Assert.Equal(values.Select(v => (float)v), Decode.Au(File(AuBytes.Double, 1, 8000, SampleBytes.Float(values, 8, bigEndian: true))).Samples);
    }

    [Fact]
    public void Mu_law_and_a_law_table_points()
    {
        Assert.Equal(new[] { 0f, 0f, 32124 / 32768f, -32124 / 32768f }, Decode.Au(File(MuLaw, 1, 8000, [0xFF, 0x7F, 0x80, 0x00])).Samples);
        Assert.Equal(new[] { 8 / 32768f, -8 / 32768f, 32256 / 32768f, -32256 / 32768f }, Decode.Au(File(ALaw, 1, 8000, [0xD5, 0x55, 0xAA, 0x2A])).Samples);
    }

    [Fact]
    public void Stereo_downmix()
    {
        var signal = Decode.Au(File(Linear16, 2, 44100, SampleBytes.Int([100, 300, -32768, -32768], 2, bigEndian: true)));
        Assert.Equal(new[] { 200 / 32768f, -1f }, signal.Samples);
        Assert.Equal(2, signal.SourceChannels);
    }

    [Fact]
    public void Unknown_data_size_reads_to_the_end()
    {
        var signal = Decode.Au(File(Linear16, 1, 8000, SampleBytes.Int([5, 6, 7], 2, bigEndian: true), dataSizeField: 0xFFFFFFFF));
        Assert.Equal(new[] { 5 / 32768f, 6 / 32768f, 7 / 32768f }, signal.Samples);
    }

    [Fact]
    public void Declared_size_limits_the_audio()
    {
        var signal = Decode.Au(File(Linear16, 1, 8000, SampleBytes.Int([5, 6, 7], 2, bigEndian: true), dataSizeField: 4));
        Assert.Equal(new[] { 5 / 32768f, 6 / 32768f }, signal.Samples);
    }

    [Fact]
    public void Little_endian_dns_variant()
    {
        var signal = Decode.Au(File(Linear16, 1, 8000, SampleBytes.Int([300, -300], 2, bigEndian: false), littleEndian: true));
        Assert.Equal(new[] { 300 / 32768f, -300 / 32768f }, signal.Samples);
    }

    [Fact]
    public void G711_tables_equal_ffmpegs_for_all_256_codes()
    {
        byte[] codes = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        foreach (var (encoding, fixture) in new[] { (MuLaw, "g711-mulaw-by-ffmpeg.s16le"), (ALaw, "g711-alaw-by-ffmpeg.s16le") })
        {
            byte[] reference = System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Decoding", "Fixtures", fixture));
            var expected = Enumerable.Range(0, 256).Select(i => BitConverter.ToInt16(reference, 2 * i) / 32768f);
            Assert.Equal(expected, Decode.Au(File(encoding, 1, 8000, codes)).Samples);
        }
    }
}
