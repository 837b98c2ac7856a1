using System.Runtime.Versioning;
using GenreML.Tagging.Containers;
using GenreML.Tagging.Payload;
using GenreML.Tagging.Planning;
using GenreML.Tagging.Undo;
using GenreML.Tagging.Writing;
using GenreML.Testing.Tagging;

namespace GenreML.Tagging.Tests;

public sealed class SafetyTests
{
    private static readonly TaggingOptions Replace = new() { Planner = new TagPlanner { Mode = TagMode.Replace } };

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_read_only_file_is_reported_and_the_batch_goes_on()
    {
        Skip.If(OperatingSystem.IsWindows());
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        IReadOnlyList<string> paths = TagFixtures.CopyTo(folder.Path, "plain.flac", "vorbis.ogg");
        File.SetUnixFileMode(paths[0], UnixFileMode.UserRead | UnixFileMode.GroupRead);
        byte[] before = File.ReadAllBytes(paths[0]);
        using var log = UndoLog.Open(Path.Combine(folder.Path, "undo.jsonl"));
        var tagger = new LibraryTagger(Replace, log);

        TagOutcome[] outcomes = paths.Select(p => tagger.Tag(Scores.Input(p, ("jazz", 0.9f)))).ToArray();

        Assert.Equal(TagOutcomeKind.Failed, outcomes[0].Kind);
        Assert.Equal(TagProblem.ReadOnly, outcomes[0].Problem);
        Assert.Equal(before, File.ReadAllBytes(paths[0]));
        Assert.Equal(TagOutcomeKind.Written, outcomes[1].Kind);
        Assert.Single(UndoLog.Read(log.Path, out _));
    }

    [SkippableFact]
    public void A_file_locked_by_another_process_is_reported_and_left_alone()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, "id3v24.mp3")[0];
        byte[] before = File.ReadAllBytes(path);
        using var log = UndoLog.Open(Path.Combine(folder.Path, "undo.jsonl"));
        TagOutcome outcome;
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            outcome = new LibraryTagger(Replace, log).Tag(Scores.Input(path, ("jazz", 0.9f)));
        }

        Assert.Equal(TagOutcomeKind.Failed, outcome.Kind);
        Assert.True(outcome.Problem is TagProblem.Locked or TagProblem.IoFailed, outcome.Reason);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(UndoLog.Read(log.Path, out _));
    }

    [SkippableFact]
    public void A_file_changed_after_its_tags_were_read_is_left_alone()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, "plain.flac")[0];
        FileStamp stale = FileStamp.Of(path) with { LastWriteUtc = File.GetLastWriteTimeUtc(path).AddSeconds(-5) };

        TagWriteException error = Assert.Throws<TagWriteException>(() => new SafeTagWriter(false).Replace(
            path, AudioContainer.Flac, stale, f => GenreTagAccess.Write(f, AudioContainer.Flac, ["jazz"]), GenreTagAccess.Expected(AudioContainer.Flac, ["jazz"]), _ => { }));

        Assert.Equal(TagProblem.ChangedDuringRun, error.Problem);
        Assert.Equal(["Blues"], Read(path));
    }

    [SkippableFact]
    public void A_failed_verification_keeps_the_original_and_leaves_no_temporary_file()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, "vorbis.ogg")[0];
        byte[] before = File.ReadAllBytes(path);
        bool logged = false;

        TagWriteException error = Assert.Throws<TagWriteException>(() => new SafeTagWriter(false).Replace(
            path, AudioContainer.OggVorbis, FileStamp.Of(path), f => GenreTagAccess.Write(f, AudioContainer.OggVorbis, ["jazz"]), GenreTagAccess.Expected(AudioContainer.OggVorbis, ["rock"]), _ => logged = true));

        Assert.Equal(TagProblem.VerificationFailed, error.Problem);
        Assert.False(logged);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Permissions_are_kept_and_the_modification_time_too_when_asked()
    {
        Skip.If(OperatingSystem.IsWindows());
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        IReadOnlyList<string> paths = TagFixtures.CopyTo(folder.Path, "aac.m4a", "opus.opus");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        var old = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (string p in paths)
        {
            File.SetUnixFileMode(p, mode);
            File.SetLastWriteTimeUtc(p, old);
        }

        using var log = UndoLog.Open(Path.Combine(folder.Path, "undo.jsonl"));
        Assert.Equal(TagOutcomeKind.Written, new LibraryTagger(Replace with { KeepModificationTime = true }, log).Tag(Scores.Input(paths[0], ("pop", 0.9f))).Kind);
        Assert.Equal(TagOutcomeKind.Written, new LibraryTagger(Replace, log).Tag(Scores.Input(paths[1], ("pop", 0.9f))).Kind);

        Assert.All(paths, p => Assert.Equal(mode, File.GetUnixFileMode(p)));
        Assert.Equal(old, File.GetLastWriteTimeUtc(paths[0]));
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(paths[1]));
    }

    [SkippableTheory]
    [InlineData("id3v24.mp3")]
    [InlineData("plain.flac")]
    [InlineData("vorbis.ogg")]
    [InlineData("opus.opus")]
    [InlineData("aac.m4a")]
    [InlineData("pcm.wav")]
    public void The_payload_hash_sees_a_changed_audio_byte(string name)
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, name)[0];
        AudioContainer container = ContainerDetector.Detect(path)!.Value;
        string before = AudioPayload.Hash(path, container);
        byte[] bytes = File.ReadAllBytes(path);
        int audioByte = bytes.Length - 200;
        bytes[audioByte] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        // Either the hash differs or, where the container checksums its pages (Ogg), the damage is refused outright.
        string? after = null;
        Exception? refused = Record.Exception(() => after = AudioPayload.Hash(path, container));
        Assert.True(refused is InvalidDataException || (refused is null && after != before), $"{refused}");
    }

    [SkippableFact]
    public void Undo_of_a_log_cut_mid_line_restores_the_complete_records()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        using var folder = new TempFolder();
        string path = TagFixtures.CopyTo(folder.Path, "id3v23.mp3")[0];
        string logPath = Path.Combine(folder.Path, "undo.jsonl");
        using (var log = UndoLog.Open(logPath))
        {
            new LibraryTagger(Replace, log).Tag(Scores.Input(path, ("metal", 0.9f)));
        }

        File.AppendAllText(logPath, "{\"time\":\"2026-");
        IReadOnlyList<UndoRecord> records = UndoLog.Read(logPath, out string? skipped);
        TagOutcome[] outcomes = new TagUndoer(false).Undo(records).ToArray();

        Assert.NotNull(skipped);
        Assert.Equal(TagOutcomeKind.Written, Assert.Single(outcomes).Kind);
        Assert.Equal(["Jazz"], Read(path));
    }

    private static IReadOnlyList<string> Read(string path)
    {
        AudioContainer container = ContainerDetector.Detect(path)!.Value;
        using TagLib.File file = GenreTagAccess.Open(path, container);
        return GenreTagAccess.Read(file, container).Genres;
    }
}
