using System.Diagnostics;
using GenreML.Audio.Decoding;
using GenreML.Audio.Tests.Decoding.Builders;
using Xunit.Abstractions;

namespace GenreML.Audio.Tests.Decoding;

/// <summary>
/// Seeded fuzz of the managed MP3, FLAC, Ogg Vorbis and Ogg Opus decoders: small valid files (the
/// start of the committed fixtures) are mutated (bit flips anywhere, bytes overwritten with edge
/// values, cuts, insertions, deletions, duplicated spans) and decoded from a seekable or a
/// non-seekable stream. Every decode must succeed or throw <see cref="AudioFormatException"/> naming
/// the source with a reason: never another exception. ffmpeg is made unavailable: a mutant whose
/// signature no longer identifies its format is routed to ffmpeg and refused for that ("ffmpeg is
/// needed"), which is counted apart.
/// </summary>
public class CodecFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 10_000;

    private static readonly AudioDecodeOptions NoFfmpeg = new() { FfmpegExecutable = "/nonexistent/ffmpeg" };

    private static readonly byte[] EdgeBytes = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF];

    [Theory]
    [InlineData("mp3", 1800, new[] { "mp3-lame-cbr-stereo.mp3", "mp3-lame-vbr-mono.mp3", "mp3-ffmpeg-mono.mp3", "mp3-lame-no-tag.mp3", "mp3-lame-crc-id3v1.mp3" })]
    [InlineData("flac", 4000, new[] { "fuzz-seed.flac" })]
    [InlineData("ogg", 8000, new[] { "fuzz-seed.ogg" })]
    [InlineData("opus", 4000, new[] { "opus-mono.opus", "opus-stereo.opus" })]
    public void Mutated_files_only_ever_fail_with_AudioFormatException(string kind, int seedBytes, string[] fixtures)
    {
        var seeds = fixtures.Select(name => Seed(name, seedBytes)).ToList();
        var random = new Random(20261129 + kind.Length);
        int decoded = 0, refused = 0, warned = 0, routed = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            byte[] mutated = Mutate(seeds[random.Next(seeds.Count)], random);
            if (kind is "ogg" or "opus" && random.Next(2) == 0)
            {
                RestorePageChecksums(mutated);
            }

            string name = $"fuzz-{i}.{kind}";
            Stream stream = random.Next(2) == 0 ? new MemoryStream(mutated) : new NonSeekableStream(mutated, maxRead: 1 + random.Next(512));
            try
            {
                var signal = AudioDecoder.Read(stream, name, NoFfmpeg);
                decoded++;
                warned += signal.Warning is null ? 0 : 1;
            }
            catch (AudioFormatException error)
            {
                Assert.Equal(name, error.Source);
                Assert.False(string.IsNullOrWhiteSpace(error.Reason));
                if (error.Reason.StartsWith("ffmpeg is needed", StringComparison.Ordinal))
                {
                    routed++;
                }
                else
                {
                    refused++;
                }
            }
            catch (Exception other)
            {
                Assert.Fail($"case {i} ({mutated.Length} bytes) threw {other}");
            }
        }

        output.WriteLine($"{kind}: {Cases} mutants: {decoded} decoded ({warned} with a warning), {refused} refused, {routed} no longer identified (sent to the missing ffmpeg), {clock.ElapsedMilliseconds} ms");
        Assert.True(routed < Cases / 5, $"{routed} of {Cases} mutants were not identified as {kind}: the fuzz barely reaches the decoder");
        Assert.True(decoded > Cases / 50, $"only {decoded} of {Cases} mutants decoded: the mutations are too destructive to test acceptance");
        Assert.True(refused > Cases / 20, $"only {refused} of {Cases} mutants were refused");
    }

    /// <summary>Recomputes the CRC of every well-formed Ogg page, so that mutations reach the codec behind the checksum.</summary>
    private static void RestorePageChecksums(byte[] file)
    {
        for (int at = 0; at + 27 <= file.Length;)
        {
            if (!file.AsSpan(at).StartsWith("OggS"u8))
            {
                at++;
                continue;
            }

            int segments = file[at + 26];
            if (at + 27 + segments > file.Length)
            {
                return;
            }

            int length = 27 + segments;
            for (int i = 0; i < segments; i++)
            {
                length += file[at + 27 + i];
            }

            if (at + length > file.Length)
            {
                return;
            }

            file.AsSpan(at + 22, 4).Clear();
            uint crc = OggCrc.Update(0, file.AsSpan(at, length));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 22), crc);
            at += length;
        }
    }

    private static byte[] Seed(string name, int length)
    {
        byte[] bytes = File.ReadAllBytes(CodecFixtures.PathOf(name));
        return bytes.Length <= length ? bytes : bytes[..length];
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    for (int k = 0; k < 1 + random.Next(4) && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] = EdgeBytes[random.Next(EdgeBytes.Length)];
                    }

                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(16)).Select(_ => (byte)random.Next(256)));
                    break;
                case 5:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                default:
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
