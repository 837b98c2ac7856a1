using System.Globalization;
using System.Text;
using GenreML.Tagging.Containers;
using GenreML.Tagging.Payload;
using GenreML.Testing.Tagging;
using GenreML.Testing.Tools;

namespace GenreML.Cli.Tests;

public sealed class TagCommandTests
{
    [SkippableFact]
    public async Task A_dry_run_prints_the_plan_and_a_summary_and_write_then_undo_round_trips()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        string folder = NewFolder();
        IReadOnlyList<string> files = TagFixtures.CopyTo(folder, "id3v24.mp3", "untagged.mp3", "pcm.wav");
        string results = WriteResults(folder, files, "hiphop", 0.8f);
        string map = Path.Combine(folder, "map.json");
        File.WriteAllText(map, "{\"hiphop\": \"Hip-Hop\"}");
        byte[][] before = files.Select(File.ReadAllBytes).ToArray();

        (int dryCode, string dry, _) = await CliRunner.RunAsync("tag", "--from", results, "--map", map, "--mode", "replace");

        Assert.Equal(0, dryCode);
        Assert.Contains($"{files[0]}: Rock → Hip-Hop", dry, StringComparison.Ordinal);
        Assert.Contains($"{files[1]}: (no genre) → Hip-Hop", dry, StringComparison.Ordinal);
        Assert.Contains($"{files[2]}: left alone: WAV (pass --wav-id3", dry, StringComparison.Ordinal);
        Assert.Contains("Dry run: 2 of 3 file(s) would be tagged, 1 left alone, 0 failed.", dry, StringComparison.Ordinal);
        Assert.Equal(before, files.Select(File.ReadAllBytes).ToArray());

        string log = Path.Combine(folder, "undo.jsonl");
        (int writeCode, string written, _) = await CliRunner.RunAsync("tag", "--from", results, "--map", map, "--mode", "replace", "--write", "--undo-log", log);
        Assert.Equal(0, writeCode);
        Assert.Contains("2 of 3 file(s) tagged", written, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(log).Length);

        (int undoCode, string undone, _) = await CliRunner.RunAsync("tag", "--undo", log);
        Assert.Equal(0, undoCode);
        Assert.Contains("2 of 2 file(s) restored", undone, StringComparison.Ordinal);
        Assert.Equal(["Rock"], Genres(files[0]));
        Assert.Empty(Genres(files[1]));
        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public async Task A_bad_map_stops_the_run_with_a_message_naming_it()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        string folder = NewFolder();
        IReadOnlyList<string> files = TagFixtures.CopyTo(folder, "plain.flac");
        string map = Path.Combine(folder, "map.json");
        File.WriteAllText(map, "[\"hiphop\"]");

        (int code, _, string error) = await CliRunner.RunAsync("tag", "--from", WriteResults(folder, files, "jazz", 0.9f), "--map", map);

        Assert.Equal(2, code);
        Assert.Contains("map.json", error, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public async Task A_result_whose_status_is_not_ok_is_left_alone()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        string folder = NewFolder();
        string file = TagFixtures.CopyTo(folder, "untagged.mp3")[0];
        string results = Path.Combine(folder, "results.jsonl");
        File.WriteAllText(results, $"{{\"path\":\"{file}\",\"status\":\"silence\",\"genre\":\"jazz\",\"probability\":0.9,\"top_genres\":[\"jazz\"],\"top_probabilities\":[0.9],\"seconds\":1,\"size\":1,\"mtime\":\"x\",\"model\":\"test\"}}\n");

        (int code, string output, _) = await CliRunner.RunAsync("tag", "--from", results, "--write", "--undo-log", Path.Combine(folder, "undo.jsonl"));

        Assert.Equal(0, code);
        Assert.Contains($"{file}: left alone: the model's answer is 'silence'", output, StringComparison.Ordinal);
        Assert.Empty(Genres(file));
        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public async Task Classifying_folders_leaves_silence_and_too_short_files_alone_and_plans_the_rest()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        string folder = NewFolder();
        string tone = TagFixtures.CopyTo(folder, "plain.flac")[0];
        string silent = Path.Combine(folder, "silent.flac");
        string brief = Path.Combine(folder, "brief.flac");
        Ffmpeg.Run("-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", "2", "-c:a", "flac", silent);
        Ffmpeg.Run("-f", "lavfi", "-i", "sine=frequency=440:duration=0.5:sample_rate=22050", "-c:a", "flac", brief);
        byte[][] before = new[] { tone, silent, brief }.Select(File.ReadAllBytes).ToArray();

        (int code, string output, _) = await CliRunner.RunAsync("tag", folder, "--model", TinyModel, "--min-confidence", "0", "--mode", "replace");

        Assert.Equal(0, code);
        Assert.Contains($"{tone}: Blues → ", output, StringComparison.Ordinal);
        Assert.Contains($"{silent}: left alone: the model's answer is 'silence'", output, StringComparison.Ordinal);
        Assert.Contains($"{brief}: left alone: the model's answer is 'too_short'", output, StringComparison.Ordinal);
        Assert.Equal(before, new[] { tone, silent, brief }.Select(File.ReadAllBytes).ToArray());
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Starts real <c>tag --write --out … --resume</c> processes (classifying with the tiny test model) and kills them
    /// (SIGKILL) at seeded random moments; after every kill each file must be either byte-identical to the original
    /// or fully tagged with its audio intact. A last run with <c>--resume</c> finishes the rest; then every file holds
    /// the genre its results line gives, and undo brings every file back (the undo log was complete).
    /// </summary>
    [SkippableFact]
    public async Task A_write_run_killed_at_any_moment_leaves_every_file_old_or_new_and_resume_finishes_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGKILL semantics");
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        string tool = Path.Combine(AppContext.BaseDirectory, "genreml.dll");
        Skip.IfNot(File.Exists(tool), "genreml.dll is not beside the tests");
        string folder = NewFolder();
        string library = Path.Combine(folder, "library");
        var files = new List<string>();
        for (int copy = 0; copy < 8; copy++)
        {
            files.AddRange(TagFixtures.CopyTo(Path.Combine(library, $"album{copy}")));
        }

        var originals = files.ToDictionary(f => f, File.ReadAllBytes);
        var payloads = files.ToDictionary(f => f, f => AudioPayload.Hash(f, ContainerDetector.Detect(f)!.Value));
        string results = Path.Combine(folder, "results.jsonl");
        string log = Path.Combine(folder, "undo.jsonl");
        string[] arguments = [tool, "tag", library, "--model", TinyModel, "--min-confidence", "0", "--mode", "replace", "--wav-id3", "--write", "--out", results, "--resume", "--undo-log", log];
        var random = new Random(15);
        int kills = 0;
        for (int round = 0; round < 6; round++)
        {
            // Kill once the run has logged a few more changes than before (plus 0–2 ms), so the
            // kill lands inside a write run however fast the machine is, at a different moment each round.
            int target = UndoLines(log) + random.Next(1, 4);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            while (!process.HasExited && UndoLines(log) < target)
            {
                await Task.Delay(2);
            }

            await Task.Delay(random.Next(0, 3));
            bool killed = !process.HasExited;
            if (killed)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            await process.WaitForExitAsync();
            foreach (string file in files)
            {
                AssertOldOrNew(file, originals[file], payloads[file]);
            }

            if (!killed && kills == 0)
            {
                // A starved test process let the run finish before any kill: start the library over so a later round can kill.
                foreach (string file in files)
                {
                    File.WriteAllBytes(file, originals[file]);
                }

                File.Delete(results);
                File.Delete(log);
            }
        }

        using (var last = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            string output = await last.StandardOutput.ReadToEndAsync();
            await last.WaitForExitAsync();
            Assert.True(last.ExitCode == 0, output);
        }

        Dictionary<string, string> written = TopGenres(results);
        Assert.Equal(files.Order(), written.Keys.Order());
        Assert.All(files, f => Assert.Equal([written[f]], Genres(f)));
        (int undoCode, string undone, _) = await CliRunner.RunAsync("tag", "--undo", log);
        Assert.True(undoCode == 0, undone);
        foreach (string file in files)
        {
            Assert.Equal(payloads[file], AudioPayload.Hash(file, ContainerDetector.Detect(file)!.Value));
            Assert.Equal(GenresOf(originals[file], folder), Genres(file));
        }

        Assert.True(kills > 0, "no run was killed: every run finished before its kill time");
        Directory.Delete(folder, recursive: true);
    }

    private static int UndoLines(string log)
    {
        if (!File.Exists(log))
        {
            return 0;
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int lines = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            lines += b == '\n' ? 1 : 0;
        }

        return lines;
    }

    [SkippableFact]
    public async Task Resume_tags_only_the_files_a_first_run_did_not_reach()
    {
        Skip.IfNot(TagFixtures.Available, "ffmpeg is not installed");
        string folder = NewFolder();
        string library = Path.Combine(folder, "library");
        IReadOnlyList<string> files = TagFixtures.CopyTo(library, "untagged.mp3", "opus.opus", "picture.flac", "aac.m4a", "vorbis.ogg", "plain.flac");
        string results = Path.Combine(folder, "results.jsonl");
        string log = Path.Combine(folder, "undo.jsonl");
        string[] common = ["tag", library, "--model", TinyModel, "--min-confidence", "0", "--mode", "replace", "--write", "--out", results, "--undo-log", log];

        (int firstCode, string first, _) = await CliRunner.RunAsync([.. common, "--shard", "0/2"]);
        int firstLines = File.ReadAllLines(results).Length;
        (int secondCode, string second, string error) = await CliRunner.RunAsync([.. common, "--resume"]);

        Assert.True(firstCode == 0, first);
        Assert.True(secondCode == 0, second + error);
        Assert.InRange(firstLines, 1, files.Count - 1);
        Assert.Equal(files.Count, File.ReadAllLines(results).Length);
        Assert.Equal(files.Count, File.ReadAllLines(log).Length);
        Assert.Contains($"{firstLines} already in", error, StringComparison.Ordinal);
        Dictionary<string, string> written = TopGenres(results);
        Assert.All(files, f => Assert.Equal([written[f]], Genres(f)));
        Directory.Delete(folder, recursive: true);
    }

    private static string TinyModel => Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");

    private static Dictionary<string, string> TopGenres(string results) => File.ReadAllLines(results)
        .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
        .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("genre").GetString()!);

    private static void AssertOldOrNew(string file, byte[] original, string payload)
    {
        byte[] now = File.ReadAllBytes(file);
        if (now.AsSpan().SequenceEqual(original))
        {
            return;
        }

        AudioContainer container = ContainerDetector.Detect(file)!.Value;
        Assert.Equal(payload, AudioPayload.Hash(file, container));
        using TagLib.File tagged = TagLib.File.Create(file);
        Assert.False(tagged.PossiblyCorrupt, file);
        Assert.Single(tagged.Tag.Genres);
    }

    private static string[] Genres(string file)
    {
        using TagLib.File tagged = TagLib.File.Create(file);
        return tagged.Tag.Genres;
    }

    private static string[] GenresOf(byte[] bytes, string folder)
    {
        string copy = Path.Combine(folder, "original-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(copy, bytes);
        try
        {
            AudioContainer container = ContainerDetector.Detect(copy)!.Value;
            using TagLib.File tagged = TagLib.File.Create(new TagLib.File.LocalFileAbstraction(copy), ContainerMime(container), TagLib.ReadStyle.None);
            return tagged.Tag.Genres;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static string ContainerMime(AudioContainer container) => container switch
    {
        AudioContainer.Mp3 => "taglib/mp3",
        AudioContainer.Flac => "taglib/flac",
        AudioContainer.OggVorbis => "taglib/ogg",
        AudioContainer.Opus => "taglib/opus",
        AudioContainer.Mp4 => "taglib/m4a",
        _ => "taglib/wav",
    };

    private static string WriteResults(string folder, IEnumerable<string> files, string genre, float probability)
    {
        string path = Path.Combine(folder, "results.jsonl");
        var text = new StringBuilder();
        foreach (string file in files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"path\":\"{file}\",\"genre\":\"{genre}\",\"probability\":{probability},\"top_genres\":[\"{genre}\",\"rock\"],\"top_probabilities\":[{probability},0.05],\"seconds\":1,\"size\":1,\"mtime\":\"x\",\"model\":\"test\"}}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string NewFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "genreml-tag-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
