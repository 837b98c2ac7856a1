using GenreML.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GenreML.MLNet.Tests;

public sealed class SourceTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Labelled_folder_lists_audio_files_recursively_in_stable_order_with_the_genre_folder_as_label()
    {
        using var audio = new TestAudio();
        audio.AddBroken("jazz/b.wav");
        audio.AddBroken("jazz/live/a.mp3");
        audio.AddBroken("blues/z.au");
        File.WriteAllText(Path.Combine(audio.Root, "jazz", "notes.txt"), "not audio");

        AudioSourceView view = _ml.Data.LoadFromAudioFolder(audio.Root);

        Assert.Equal(
            [("blues", "z.au"), ("jazz", "b.wav"), ("jazz", "a.mp3")],
            Rows(view).Select(r => (r.Label, Path.GetFileName(r.Path))));
        Assert.Null(view.GetRowCount());
        Assert.Equal(TextDataViewType.Instance, view.Schema[AudioColumns.Label].Type);
    }

    [Fact]
    public void Unlabelled_folder_and_file_list_have_no_label_column()
    {
        using var audio = new TestAudio();
        string a = audio.AddBroken("x/a.wav");
        string b = audio.AddBroken("b.flac");

        AudioSourceView folder = _ml.Data.LoadFromAudioFolder(audio.Root, new AudioFolderOptions { Labelled = false });
        AudioSourceView list = _ml.Data.LoadFromAudioFiles([b, Path.Combine(audio.Root, "x")]);

        Assert.Null(folder.Schema.GetColumnOrNull(AudioColumns.Label));
        Assert.Equal([b, a], Rows(folder).Select(r => r.Path));
        Assert.Equal([b, a], Rows(list).Select(r => r.Path));
    }

    [Fact]
    public void Manifest_reads_relative_and_quoted_paths_and_skips_the_header()
    {
        using var audio = new TestAudio();
        string manifest = Path.Combine(audio.Root, "set.csv");
        File.WriteAllLines(manifest, ["path,label", "clips/a.wav,rock", "\"clips/b, live.wav\",jazz", ""]);

        var rows = Rows(_ml.Data.LoadFromAudioManifest(manifest));

        Assert.Equal([(Path.Combine(audio.Root, "clips", "a.wav"), "rock"), (Path.Combine(audio.Root, "clips", "b, live.wav"), "jazz")], rows);
    }

    [Fact]
    public void Manifest_line_without_a_label_is_an_error_naming_the_line()
    {
        using var audio = new TestAudio();
        string manifest = Path.Combine(audio.Root, "set.csv");
        File.WriteAllLines(manifest, ["a.wav,rock", "b.wav"]);

        var error = Assert.Throws<InvalidDataException>(() => Rows(_ml.Data.LoadFromAudioManifest(manifest)));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Split_file_keeps_only_the_named_split()
    {
        using var audio = new TestAudio();
        audio.AddBroken("blues/blues.00000.wav");
        audio.AddBroken("blues/blues.00001.wav");
        audio.AddBroken("jazz/jazz.00000.wav");
        string split = Path.Combine(audio.Root, "split.txt");
        File.WriteAllLines(split, ["blues.00000 train", "blues.00001 valid", "jazz.00000 valid"]);

        var rows = Rows(_ml.Data.LoadFromAudioFolder(audio.Root, new AudioFolderOptions { SplitFile = split, Split = "valid" }));

        Assert.Equal(["blues.00001.wav", "jazz.00000.wav"], rows.Select(r => Path.GetFileName(r.Path)));
        var missing = Assert.Throws<InvalidDataException>(() => _ml.Data.LoadFromAudioFolder(audio.Root, new AudioFolderOptions { SplitFile = split, Split = "test" }));
        Assert.Contains("train, valid", missing.Message);
    }

    [Fact]
    public void A_file_directly_in_a_labelled_root_is_an_error_naming_it()
    {
        using var audio = new TestAudio();
        audio.AddBroken("loose.wav");

        var error = Assert.Throws<InvalidDataException>(() => Rows(_ml.Data.LoadFromAudioFolder(audio.Root)));

        Assert.Contains("loose.wav", error.Message);
    }

    [Fact]
    public void Missing_folder_is_a_clear_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => _ml.Data.LoadFromAudioFolder("/no/such/genre/folder"));
        Assert.Contains("/no/such/genre/folder", error.Message);
    }

    private static List<(string Path, string Label)> Rows(IDataView view)
    {
        var rows = new List<(string, string)>();
        using DataViewRowCursor cursor = view.GetRowCursor(view.Schema);
        var path = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema[AudioColumns.Path]);
        ValueGetter<ReadOnlyMemory<char>>? label = view.Schema.GetColumnOrNull(AudioColumns.Label) is { } l ? cursor.GetGetter<ReadOnlyMemory<char>>(l) : null;
        while (cursor.MoveNext())
        {
            ReadOnlyMemory<char> p = default, b = default;
            path(ref p);
            label?.Invoke(ref b);
            rows.Add((p.ToString(), b.ToString()));
        }

        return rows;
    }
}
