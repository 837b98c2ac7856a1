using System.Buffers.Binary;
using System.Diagnostics;
using GenreML.Audio.Decoding;
using Xunit.Abstractions;
using GenreML.Audio.Tests.Decoding.Builders;
using static GenreML.Audio.Tests.Decoding.Builders.WavBytes;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>
/// Mutates valid WAV and AU files (bit flips, size fields rewritten to edge values, truncations,
/// inserted bytes) with a fixed seed and checks that every decode either succeeds or throws
/// <see cref="AudioFormatException"/>: never another exception, a huge allocation or a hang.
/// </summary>
public class HeaderFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 12_000;

    private static readonly uint[] EdgeValues =
        [0, 1, 2, 3, 4, 7, 8, 16, 24, 40, 255, 0xFFFE, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 0xFFFFFFFE, 0xFFFFFFFF];

    [Fact]
    public void Mutated_headers_only_ever_fail_with_AudioFormatException()
    {
        var seeds = SeedFiles();
        var random = new Random(20261124);
        int succeeded = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            var (isWav, original) = seeds[random.Next(seeds.Count)];
            byte[] mutated = Mutate(original, random);
            Stream stream = random.Next(2) == 0 ? new MemoryStream(mutated) : new NonSeekableStream(mutated, maxRead: 1 + random.Next(64));
            try
            {
                var signal = isWav ? WavDecoder.Read(stream, "fuzz.wav") : AuDecoder.Read(stream, "fuzz.au");
                Assert.True(signal.Samples.Length <= mutated.Length, $"case {i}: {signal.Samples.Length} samples from {mutated.Length} bytes");
                succeeded++;
            }
            catch (AudioFormatException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Reason));
                failed++;
            }
            catch (Exception other)
            {
                Assert.Fail($"case {i} ({(isWav ? "WAV" : "AU")}, {mutated.Length} bytes: {Convert.ToHexString(mutated.AsSpan(0, Math.Min(64, mutated.Length)))}) threw {other}");
            }
        }

        clock.Stop();
        output.WriteLine($"{Cases} mutants: {succeeded} decoded, {failed} refused, {clock.ElapsedMilliseconds} ms");
        Assert.True(succeeded > Cases / 20, $"only {succeeded} of {Cases} mutants decoded; the mutations are too destructive to test acceptance");
        Assert.True(failed > Cases / 4, $"only {failed} of {Cases} mutants failed");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var raw = new byte[4];
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int headerSpan = Math.Min(bytes.Count, 96);
            switch (random.Next(5))
            {
                case 0:
                    int at = random.Next(headerSpan);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count >= 4:
                    int field = random.Next(Math.Max(1, (headerSpan - 4) / 4 + 1)) * 4;
                    uint value = random.Next(3) == 0 ? (uint)random.NextInt64(0, 1L << 32) : EdgeValues[random.Next(EdgeValues.Length)];
                    if (random.Next(2) == 0) BinaryPrimitives.WriteUInt32LittleEndian(raw, value);
                    else BinaryPrimitives.WriteUInt32BigEndian(raw, value);
                    int offset = Math.Min(field + random.Next(2) * 2, bytes.Count - 4);
                    for (int b = 0; b < 4; b++) bytes[offset + b] = raw[b];
                    break;
                case 2:
                    int keep = random.Next(bytes.Count + 1);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                case 3:
                    bytes.InsertRange(random.Next(headerSpan + 1), Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)));
                    break;
                default:
                    int from = random.Next(headerSpan);
                    bytes.RemoveRange(from, Math.Min(bytes.Count - from, 1 + random.Next(8)));
                    break;
            }
        }

        return [.. bytes];
    }

    private static List<(bool IsWav, byte[] File)> SeedFiles()
    {
        var random = new Random(5);
        int[] Ints(int count, int bound) => Enumerable.Range(0, count).Select(_ => random.Next(-bound, bound)).ToArray();
        double[] Doubles(int count) => Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        return
        [
            (true, Pcm16(2, 44100, Ints(64, 32768))),
            (true, Simple(Fmt(Pcm, 1, 8000, 8), SampleBytes.Int(Ints(33, 128), 1, false, unsigned8: true))),
            (true, Simple(Fmt(Pcm, 3, 48000, 24), SampleBytes.Int(Ints(48, 1 << 23), 3, false))),
            (true, Simple(Fmt(WavBytes.Float, 2, 22050, 32), SampleBytes.Float(Doubles(40), 4, false))),
            (true, Simple(FmtExtensible(WavBytes.Float, 6, 48000, 64, 64), SampleBytes.Float(Doubles(36), 8, false))),
            (true, Simple(FmtExtensible(Pcm, 2, 96000, 32, 24), SampleBytes.Int(Ints(32, int.MaxValue), 4, false))),
            (true, Simple(Fmt(MuLaw, 1, 8000, 8), Enumerable.Range(0, 31).Select(i => (byte)(i * 8)).ToArray())),
            (true, File([new RiffChunk("LIST", new byte[9]), new RiffChunk("data", SampleBytes.Int(Ints(20, 32768), 2, false)), new RiffChunk("fmt ", Fmt(Pcm, 1, 16000, 16))])),
            (true, File([new RiffChunk("fmt ", Fmt(Pcm, 1, 16000, 16)), new RiffChunk("data", SampleBytes.Int(Ints(20, 32768), 2, false), 0xFFFFFFFF)])),
            (true, File([new RiffChunk("ds64", Ds64(40, 20)), new RiffChunk("fmt ", Fmt(Pcm, 1, 16000, 16)), new RiffChunk("data", SampleBytes.Int(Ints(20, 32768), 2, false), 0xFFFFFFFF)], "RF64")),
            (false, AuBytes.File(AuBytes.Linear16, 1, 22050, SampleBytes.Int(Ints(40, 32768), 2, true), annotation: "fuzz seed")),
            (false, AuBytes.File(AuBytes.MuLaw, 2, 8000, Enumerable.Range(0, 40).Select(i => (byte)(i * 6)).ToArray())),
            (false, AuBytes.File(AuBytes.Double, 1, 44100, SampleBytes.Float(Doubles(10), 8, true), dataSizeField: 0xFFFFFFFF)),
            (false, AuBytes.File(AuBytes.Linear24, 2, 48000, SampleBytes.Int(Ints(20, 1 << 23), 3, true))),
        ];
    }
}
