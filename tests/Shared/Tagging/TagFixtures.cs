using GenreML.Testing.Tools;

namespace GenreML.Testing.Tagging;

/// <summary>
/// Small audio files of every container <c>genreml tag</c> writes, made by ffmpeg at test time (two seconds of
/// a tone, longer than the tiny test model's 1.5-s window so that it gets an answer; made once per test run, then copied into each test's own folder). Tests that use them skip when
/// ffmpeg is missing.
/// </summary>
public static class TagFixtures
{
    /// <summary>Fixture name → ffmpeg output arguments (the input is a two-second tone, plus a cover image as input 1).</summary>
    public static readonly IReadOnlyDictionary<string, string> Recipes = new Dictionary<string, string>
    {
        ["id3v24.mp3"] = "-map 0:a -c:a libmp3lame -b:a 64k -id3v2_version 4 -metadata title=Tone -metadata genre=Rock",
        ["id3v23.mp3"] = "-map 0:a -c:a libmp3lame -b:a 64k -id3v2_version 3 -metadata title=Tone -metadata genre=Jazz",
        ["untagged.mp3"] = "-map 0:a -c:a libmp3lame -b:a 64k -id3v2_version 0 -write_id3v1 0",
        ["plain.flac"] = "-map 0:a -c:a flac -metadata title=Tone -metadata genre=Blues",
        ["picture.flac"] = "-map 0:a -map 1:v -c:a flac -c:v copy -disposition:v attached_pic -metadata title=Tone",
        ["vorbis.ogg"] = "-map 0:a -c:a libvorbis -q:a 0 -metadata title=Tone -metadata genre=Pop",
        ["opus.opus"] = "-map 0:a -c:a libopus -b:a 32k -metadata title=Tone",
        ["aac.m4a"] = "-map 0:a -c:a aac -b:a 64k -metadata title=Tone -metadata genre=Disco",
        ["pcm.wav"] = "-map 0:a -c:a pcm_s16le -fflags +bitexact", // no LIST/INFO chunk: ffmpeg ignores a WAV's ID3 chunk when there is one
    };

    private static readonly Lazy<string?> Made = new(Make);

    /// <summary>True when ffmpeg is there to make the fixtures.</summary>
    public static bool Available => Made.Value is not null;

    /// <summary>Copies the fixtures named (all when none) into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> CopyTo(string folder, params string[] names)
    {
        string source = Made.Value ?? throw new InvalidOperationException("ffmpeg is not available; skip the test with Skip.IfNot(TagFixtures.Available)");
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (string name in names.Length == 0 ? Recipes.Keys : names)
        {
            string target = Path.Combine(folder, name);
            File.Copy(Path.Combine(source, name), target, overwrite: true);
            paths.Add(target);
        }

        return paths;
    }

    /// <summary>The MD5 of the decoded audio (<c>ffmpeg -i f -map 0:a -f md5 -</c>).</summary>
    public static string DecodedMd5(string path) => Ffmpeg.Run("-i", path, "-map", "0:a", "-f", "md5", "-").Trim();

    /// <summary>The format-level tags <c>ffprobe -show_format</c> reports, keys lower-cased.</summary>
    public static IReadOnlyDictionary<string, string> ProbeTags(string path)
    {
        var tags = new Dictionary<string, string>();
        foreach (string line in Ffmpeg.Probe("-show_format", "-show_streams", path).Split('\n'))
        {
            if (line.StartsWith("TAG:", StringComparison.Ordinal) && line.IndexOf('=') is > 4 and var eq)
            {
                tags.TryAdd(line[4..eq].ToLowerInvariant(), line[(eq + 1)..]);
            }
        }

        return tags;
    }

    private static string? Make()
    {
        if (!Ffmpeg.IsAvailable)
        {
            return null;
        }

        string folder = Path.Combine(Path.GetTempPath(), $"genreml-tag-fixtures-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        string cover = Path.Combine(folder, "cover.png");
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1", cover);
        foreach ((string name, string recipe) in Recipes)
        {
            Ffmpeg.Run(["-f", "lavfi", "-i", "sine=frequency=440:duration=2:sample_rate=44100", "-i", cover, .. recipe.Split(' '), Path.Combine(folder, name)]);
        }

        return folder;
    }
}
