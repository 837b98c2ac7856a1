using GenreML.Tagging.Containers;
using GenreML.Tagging.Payload;
using GenreML.Tagging.Planning;
using GenreML.Tagging.Undo;
using GenreML.Testing.Tagging;

namespace GenreML.Tagging.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<string> Writable() => new(TagFixtures.Recipes.Keys);

    [SkippableTheory]
    [MemberData(nameof(Writable))]
    public void Tagging_reads_back_with_TagLibSharp_and_ffprobe_and_keeps_the_audio(string name)
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, name)[0];
        AudioContainer container = ContainerDetector.Detect(path)!.Value;
        string decodedBefore = TagFixtures.DecodedMd5(path);
        string payloadBefore = AudioPayload.Hash(path, container);
        IReadOnlyDictionary<string, string> probeBefore = TagFixtures.ProbeTags(path);
        using var log = UndoLog.Open(Path.Combine(folder.Path, "undo.jsonl"));
        var tagger = new LibraryTagger(new TaggingOptions { Planner = new TagPlanner { Mode = TagMode.Replace }, Choice = new GenreChoice { Top = 2, MinConfidence = 0.2f }, WavId3 = true }, log);

        TagOutcome outcome = tagger.Tag(Scores.Input(path, ("hiphop", 0.6f), ("reggae", 0.3f), ("rock", 0.1f)));

        Assert.True(outcome.Kind == TagOutcomeKind.Written, $"{outcome.Kind}: {outcome.Reason}");
        using (TagLib.File file = TagLib.File.Create(path))
        {
            Assert.Equal(["hiphop", "reggae"], file.Tag.Genres);
            if (name == "picture.flac")
            {
                Assert.Single(file.Tag.Pictures);
            }
        }

        IReadOnlyDictionary<string, string> probeAfter = TagFixtures.ProbeTags(path);
        // ffmpeg shows only the first value of a multi-value ID3v2.4 TCON (a known limit of its reader).
        Assert.Matches(container is AudioContainer.Mp3 or AudioContainer.Wav ? "^hiphop$" : "^hiphop.+reggae$", probeAfter["genre"]);
        if (probeBefore.TryGetValue("title", out string? title))
        {
            Assert.Equal(title, probeAfter["title"]);
        }

        Assert.Equal(payloadBefore, AudioPayload.Hash(path, container));
        Assert.Equal(decodedBefore, TagFixtures.DecodedMd5(path));
        Assert.Empty(Directory.GetFiles(folder.Path, ".*"));
    }

    [SkippableFact]
    public void Mp3_gets_an_ID3v24_text_genre_and_no_ID3v1_tag_it_did_not_have()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, "id3v23.mp3")[0];
        using var log = UndoLog.Open(Path.Combine(folder.Path, "undo.jsonl"));
        var tagger = new LibraryTagger(new TaggingOptions { Planner = new TagPlanner { Mode = TagMode.Replace } }, log);

        Assert.Equal(TagOutcomeKind.Written, tagger.Tag(Scores.Input(path, ("Blues", 0.9f))).Kind);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)4, bytes[3]);
        Assert.False(bytes.AsSpan(bytes.Length - 128).StartsWith("TAG"u8), "an ID3v1 tag was added");
        Assert.True(bytes.AsSpan(0, 4096).IndexOf("Blues"u8) > 0, "the genre is not stored as text");
        Assert.True(bytes.AsSpan(0, 4096).IndexOf("(0)"u8) < 0, "the genre is stored as an ID3v1 number");
    }

    [SkippableFact]
    public void A_dry_run_changes_no_byte()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        IReadOnlyList<string> paths = TagFixtures.CopyTo(folder.Path);
        Dictionary<string, byte[]> before = paths.ToDictionary(p => p, File.ReadAllBytes);
        Dictionary<string, DateTime> times = paths.ToDictionary(p => p, File.GetLastWriteTimeUtc);
        var tagger = new LibraryTagger(new TaggingOptions { Planner = new TagPlanner { Mode = TagMode.Replace }, WavId3 = true }, undoLog: null);

        TagOutcome[] outcomes = paths.Select(p => tagger.Tag(Scores.Input(p, ("metal", 0.9f)))).ToArray();

        Assert.All(outcomes, o => Assert.Equal(TagOutcomeKind.WouldWrite, o.Kind));
        Assert.All(paths, p => Assert.Equal(before[p], File.ReadAllBytes(p)));
        Assert.All(paths, p => Assert.Equal(times[p], File.GetLastWriteTimeUtc(p)));
        Assert.Equal(paths.Count, Directory.GetFiles(folder.Path).Length);
    }

    [SkippableFact]
    public void Undo_restores_the_old_genre_fields_exactly_and_reports_files_changed_since()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        IReadOnlyList<string> paths = TagFixtures.CopyTo(folder.Path);
        Dictionary<string, StoredGenres> before = paths.ToDictionary(p => p, Read);
        Dictionary<string, string> payloads = paths.ToDictionary(p => p, p => AudioPayload.Hash(p, ContainerDetector.Detect(p)!.Value));
        string logPath = Path.Combine(folder.Path, "undo.jsonl");
        using (var log = UndoLog.Open(logPath))
        {
            var tagger = new LibraryTagger(new TaggingOptions { Planner = new TagPlanner { Mode = TagMode.Merge }, WavId3 = true }, log);
            Assert.All(paths, p => Assert.Equal(TagOutcomeKind.Written, tagger.Tag(Scores.Input(p, ("classical", 0.8f))).Kind));
            var again = new LibraryTagger(new TaggingOptions { Planner = new TagPlanner { Mode = TagMode.Merge }, WavId3 = true }, log);
            Assert.All(paths, p => Assert.Equal(TagOutcomeKind.Written, again.Tag(Scores.Input(p, ("country", 0.8f))).Kind));
        }

        string edited = paths.First(p => p.EndsWith(".ogg", StringComparison.Ordinal));
        using (TagLib.File file = TagLib.File.Create(edited))
        {
            file.Tag.Genres = ["Someone else's"];
            file.Save();
        }

        TagOutcome[] outcomes = new TagUndoer(keepModificationTime: false).Undo(UndoLog.Read(logPath, out string? skipped)).ToArray();

        Assert.Null(skipped);
        Assert.Equal(2 * paths.Count, outcomes.Length);
        foreach (string path in paths.Where(p => p != edited))
        {
            StoredGenres now = Read(path);
            Assert.True(now.SameFieldsAs(before[path]), $"{path}: {string.Join(",", now.Genres)} vs {string.Join(",", before[path].Genres)}");
            Assert.Equal(before[path].Id3Version, now.Id3Version);
            Assert.Equal(payloads[path], AudioPayload.Hash(path, ContainerDetector.Detect(path)!.Value));
        }

        Assert.Contains(outcomes, o => o.Path == edited && o.Kind == TagOutcomeKind.LeftAlone && o.Reason!.Contains("changed since", StringComparison.Ordinal));
        Assert.Equal(["Someone else's"], Read(edited).Genres);
    }

    private static StoredGenres Read(string path)
    {
        AudioContainer container = ContainerDetector.Detect(path)!.Value;
        using TagLib.File file = GenreTagAccess.Open(path, container);
        return GenreTagAccess.Read(file, container);
    }
}
