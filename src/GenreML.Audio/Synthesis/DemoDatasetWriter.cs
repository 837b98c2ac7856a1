using GenreML.Audio.Decoding;

namespace GenreML.Audio.Synthesis;

/// <summary>
/// Writes the synthetic ten-genre demo set in the GTZAN layout, <c>&lt;root&gt;/&lt;genre&gt;/&lt;genre&gt;.NNNNN.wav</c>
/// (16-bit PCM, mono, 22 050 Hz). Deterministic: the same arguments always give the same files, so a
/// file that already exists is kept and only missing ones are rendered.
/// </summary>
public static class DemoDatasetWriter
{
    /// <summary>Default clips per genre: enough for a 70/15/15 split with clips in every part.</summary>
    public const int DefaultClipsPerGenre = 8;

    /// <summary>Default clip length in seconds (GTZAN's).</summary>
    public const double DefaultSeconds = 30;

    /// <summary>
    /// Renders the set into <paramref name="root"/> and returns the paths of all its files.
    /// <paramref name="onFileWritten"/> is called after each file, rendered or kept, for progress.
    /// </summary>
    public static IReadOnlyList<string> Write(string root, int clipsPerGenre = DefaultClipsPerGenre, double seconds = DefaultSeconds,
        Action<string>? onFileWritten = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clipsPerGenre);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        const int sampleRate = 22050;
        var jobs = DemoSongSynthesizer.Genres
            .SelectMany(genre => Enumerable.Range(0, clipsPerGenre).Select(i => (genre, i,
                path: Path.Combine(root, genre, $"{genre}.{i:D5}.wav"))))
            .ToArray();
        foreach (string genre in DemoSongSynthesizer.Genres)
        {
            Directory.CreateDirectory(Path.Combine(root, genre));
        }

        Parallel.ForEach(jobs, job =>
        {
            long expectedBytes = 44 + 2L * (int)(seconds * sampleRate);
            if (!File.Exists(job.path) || new FileInfo(job.path).Length != expectedBytes)
            {
                float[] samples = DemoSongSynthesizer.Render(job.genre, job.i, seconds, sampleRate);
                WavWriter.Write(job.path, samples, sampleRate);
            }

            onFileWritten?.Invoke(job.path);
        });
        return jobs.Select(j => j.path).ToArray();
    }
}
