namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>The committed codec fixtures and ffmpeg's reference decode of each.</summary>
internal static class CodecFixtures
{
    /// <summary>Full path of a fixture copied next to the test assembly.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Decoding", "Fixtures", name);

    /// <summary>ffmpeg's decode of <paramref name="name"/>, downmixed to mono as the decoders downmix (by the fixture script).</summary>
    public static float[] FfmpegMono(string name)
    {
        byte[] bytes = File.ReadAllBytes(PathOf(name) + ".f32");
        var mono = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, mono, 0, mono.Length * 4);
        return mono;
    }

    /// <summary>The largest absolute difference over the common length.</summary>
    public static double MaxDifference(float[] a, float[] b)
    {
        double worst = 0;
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        return worst;
    }
}
