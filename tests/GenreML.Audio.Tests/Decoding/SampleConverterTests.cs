using System.Buffers.Binary;
using GenreML.Audio.Decoding;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>The vector conversions of 16-bit and float PCM give the bits of the per-sample arithmetic.</summary>
public sealed class SampleConverterTests
{
    private const float Scale16 = 1f / 32768;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sixteen_bit_little_endian_downmixes_like_the_scalar_formula(int channels)
    {
        var random = new Random(channels);
        var format = new SampleFormat(SampleEncoding.SignedInteger, 2, BigEndian: false);
        for (int frames = 0; frames <= 70; frames++)
        {
            var raw = new byte[frames * channels * 2];
            random.NextBytes(raw);
            if (raw.Length >= 4)
            {
                BinaryPrimitives.WriteInt16LittleEndian(raw, short.MinValue);
                BinaryPrimitives.WriteInt16LittleEndian(raw.AsSpan(2), short.MaxValue);
            }

            var expected = new float[frames];
            for (int i = 0; i < frames; i++)
            {
                float sum = Sample(raw, i * channels);
                for (int c = 1; c < channels; c++)
                {
                    sum += Sample(raw, i * channels + c);
                }

                expected[i] = channels == 2 ? sum * 0.5f : channels == 1 ? sum : sum * (1f / channels);
            }

            var mono = new float[frames];
            SampleConverter.DownmixToMono(raw, format, channels, mono);
            Assert.Equal(expected, mono);
        }
    }

    [Fact]
    public void Float_mono_is_copied_bit_for_bit()
    {
        var random = new Random(3);
        var format = new SampleFormat(SampleEncoding.Float, 4, BigEndian: false);
        for (int frames = 0; frames <= 40; frames++)
        {
            var raw = new byte[frames * 4];
            random.NextBytes(raw);
            var mono = new float[frames];
            SampleConverter.DownmixToMono(raw, format, 1, mono);
            for (int i = 0; i < frames; i++)
            {
                Assert.Equal(BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(4 * i)), BitConverter.SingleToInt32Bits(mono[i]));
            }
        }
    }

    private static float Sample(byte[] raw, int index) => BinaryPrimitives.ReadInt16LittleEndian(raw.AsSpan(2 * index)) * Scale16;
}
