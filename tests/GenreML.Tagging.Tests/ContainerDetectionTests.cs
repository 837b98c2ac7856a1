using GenreML.Tagging.Containers;
using GenreML.Testing.Tagging;

namespace GenreML.Tagging.Tests;

/// <summary><see cref="ContainerDetector"/>: the container from the bytes (through the decoders' content sniffer), never from the name.</summary>
public sealed class ContainerDetectionTests
{
    public static TheoryData<string, AudioContainer> Fixtures() => new()
    {
        { "id3v24.mp3", AudioContainer.Mp3 },
        { "id3v23.mp3", AudioContainer.Mp3 },
        { "untagged.mp3", AudioContainer.Mp3 },
        { "plain.flac", AudioContainer.Flac },
        { "picture.flac", AudioContainer.Flac },
        { "vorbis.ogg", AudioContainer.OggVorbis },
        { "opus.opus", AudioContainer.Opus },
        { "aac.m4a", AudioContainer.Mp4 },
        { "pcm.wav", AudioContainer.Wav },
    };

    [SkippableTheory]
    [MemberData(nameof(Fixtures))]
    public void Every_written_container_is_recognised_whatever_the_file_is_called(string name, AudioContainer expected)
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, name)[0];
        string renamed = Path.Combine(folder.Path, "no-extension");
        File.Move(path, renamed);

        Assert.Equal(expected, ContainerDetector.Detect(renamed));
    }

    [Fact]
    public void An_id3v2_tag_in_front_is_looked_past_whatever_its_length()
    {
        using var folder = new TempFolder();
        byte[] flacAfterBigTag = [.. Id3v2Tag(bodyLength: 1000, footer: false), .. "fLaC"u8, .. new byte[40]];
        byte[] flacAfterTagWithFooter = [.. Id3v2Tag(bodyLength: 20, footer: true), .. "fLaC"u8, .. new byte[40]];
        byte[] mp3AfterTag = [.. Id3v2Tag(bodyLength: 500, footer: false), .. Mp3FrameHeader, .. new byte[400]];

        Assert.Equal(AudioContainer.Flac, Detect(folder, flacAfterBigTag));
        Assert.Equal(AudioContainer.Flac, Detect(folder, flacAfterTagWithFooter));
        Assert.Equal(AudioContainer.Mp3, Detect(folder, mp3AfterTag));
        Assert.Equal(AudioContainer.Mp3, Detect(folder, [.. Mp3FrameHeader, .. new byte[400]]));
    }

    [Fact]
    public void Content_that_tag_does_not_write_is_none()
    {
        using var folder = new TempFolder();

        Assert.Null(Detect(folder, "just some text, not audio at all"u8.ToArray()));
        Assert.Null(Detect(folder, []));
        Assert.Null(Detect(folder, [.. ".snd"u8, .. new byte[60]]));
        Assert.Null(Detect(folder, [.. "OggS"u8, .. new byte[22], 1, 30, .. "\u0080theora"u8, .. new byte[40]]));
        Assert.Null(Detect(folder, Id3v2Tag(bodyLength: 5000, footer: false)[..200]));
    }

    private static readonly byte[] Mp3FrameHeader = [0xFF, 0xFB, 0x90, 0x64]; // MPEG-1 Layer III, 128 kb/s, 44.1 kHz

    private static AudioContainer? Detect(TempFolder folder, byte[] content)
    {
        string path = Path.Combine(folder.Path, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return ContainerDetector.Detect(path);
    }

    private static byte[] Id3v2Tag(int bodyLength, bool footer)
    {
        byte[] size = [(byte)((bodyLength >> 21) & 0x7F), (byte)((bodyLength >> 14) & 0x7F), (byte)((bodyLength >> 7) & 0x7F), (byte)(bodyLength & 0x7F)];
        byte[] header = [.. "ID3"u8, 4, 0, (byte)(footer ? 0x10 : 0), .. size];
        byte[] tail = footer ? [.. "3DI"u8, 4, 0, 0x10, .. size] : [];
        return [.. header, .. new byte[bodyLength], .. tail];
    }
}
