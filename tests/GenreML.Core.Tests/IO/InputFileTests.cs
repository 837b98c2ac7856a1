using GenreML.Core.IO;
using GenreML.Testing;

namespace GenreML.Core.Tests.IO;

public sealed class InputFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-input-").FullName;

    [SkippableFact]
    public void A_name_that_is_not_UTF8_is_listed_opened_and_examined()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");
        string sub = RawFileNames.Latin1(_folder, "dir ", "");
        string ordinary = Path.Join(_folder, "tmp");
        Directory.CreateDirectory(ordinary);
        RawFileNames.MoveTo(ordinary, sub);
        File.WriteAllBytes(ordinary + ".bin", [1, 2, 3]);
        string file = RawFileNames.Latin1(sub, "caf", ".bin");
        RawFileNames.MoveTo(ordinary + ".bin", file);

        Assert.Equal([Path.GetFileName(sub)], InputFile.RawNames(_folder));
        Assert.Equal([Path.GetFileName(file)], InputFile.RawNames(sub));
        Assert.True(InputFile.IsDirectory(sub));
        Assert.False(InputFile.IsDirectory(file));
        Assert.True(InputFile.Exists(file));
        Assert.Equal(3, InputFile.Stat(file)!.Value.Size);
        using (FileStream stream = InputFile.OpenRead(file))
        {
            Assert.Equal(3, stream.Length);
            Assert.Equal(3, stream.ReadByte() + stream.ReadByte());
        }

        Assert.Equal(file, CanonicalPath.Of(file));
        Assert.Throws<UnauthorizedAccessException>(() => InputFile.OpenRead(sub).Dispose());
    }

    [SkippableFact]
    public void A_missing_raw_name_is_a_file_not_found_error_shown_with_U_FFFD()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows names are UTF-16.");
        string missing = RawFileNames.Latin1(_folder, "gone", ".wav");

        Assert.False(InputFile.Exists(missing));
        Assert.Null(InputFile.Stat(missing));
        var error = Assert.Throws<FileNotFoundException>(() => InputFile.OpenRead(missing));
        Assert.Contains("gone\uFFFD.wav", error.Message);
    }

    [SkippableFact]
    public void A_symlink_with_a_raw_name_reports_its_target()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw names are read on Linux.");
        string link = Path.Join(_folder, "link");
        File.CreateSymbolicLink(link, "target.wav");
        string raw = RawFileNames.Latin1(_folder, "l", "");
        RawFileNames.MoveTo(link, raw);

        Assert.Equal("target.wav", InputFile.LinkTarget(raw));
        Assert.False(InputFile.Exists(raw));
    }

    [SkippableFact]
    public void A_raw_name_opened_for_update_is_locked_against_a_second_updater()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows names are UTF-16.");
        string file = RawFileNames.Latin1(_folder, "caf", ".mp3");
        File.WriteAllBytes(Path.Join(_folder, "plain"), [1, 2, 3]);
        RawFileNames.MoveTo(Path.Join(_folder, "plain"), file);

        using (FileStream first = InputFile.OpenForUpdate(file))
        {
            Assert.True(first.CanWrite);
            Assert.Throws<IOException>(() => InputFile.OpenForUpdate(file).Dispose());
        }

        InputFile.OpenForUpdate(file).Dispose();
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_atomic_write_replaces_a_raw_name_and_leaves_no_temporary(bool rawFolder)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "raw folders are written through /proc on Linux.");
        string folder = _folder;
        if (rawFolder)
        {
            folder = RawFileNames.Latin1(_folder, "d", "r");
            Directory.CreateDirectory(Path.Join(_folder, "plain"));
            RawFileNames.MoveTo(Path.Join(_folder, "plain"), folder);
        }

        string file = RawFileNames.Latin1(folder, "caf", ".mp3");
        File.WriteAllBytes(Path.Join(_folder, "old"), [1]);
        RawFileNames.MoveTo(Path.Join(_folder, "old"), file);

        AtomicFile.WriteVia(file, temporary => File.WriteAllBytes(temporary, [4, 5]));

        Assert.Equal([Path.GetFileName(file)], InputFile.RawNames(folder));
        using FileStream stream = InputFile.OpenRead(file);
        Assert.Equal(2, stream.Length);
    }

    [Fact]
    public void The_JSON_converter_round_trips_an_escaped_path()
    {
        var record = new Record { Path = "/m/caf\uDCE9.wav" };

        string json = System.Text.Json.JsonSerializer.Serialize(record);

        Assert.Equal("{\"Path\":\"/m/caf\\uDCE9.wav\"}", json);
        Assert.Equal(record.Path, System.Text.Json.JsonSerializer.Deserialize<Record>(json)!.Path);
    }

    public void Dispose() => RawFileNames.DeleteTree(_folder);

    private sealed record Record
    {
        [System.Text.Json.Serialization.JsonConverter(typeof(EscapedPathJsonConverter))]
        public required string Path { get; init; }
    }
}
