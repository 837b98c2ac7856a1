namespace GenreML.Audio.Tests.Decoding.Builders;

/// <summary>The committed codec fixtures and ffmpeg's reference decode of each.</summary>
internal static class CodecFixtures
{
    /// <summary>Full path of a fixture copied next to the test assembly.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Decoding", "Fixtures", name);

    /// <summary>ffmpeg's decode of <paramref name="name"/> downmixed the way the decoders downmix (channel mean in float).</summary>
    public static float[] FfmpegMono(string name, int channels)
    {
        byte[] bytes = File.ReadAllBytes(PathOf(name) + ".f32");
        var interleaved = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, interleaved, 0, interleaved.Length * 4);
        return Downmix(interleaved, channels);
    }

    /// <summary>The channel mean of interleaved samples, computed as SampleConverter computes it.</summary>
    public static float[] Downmix(float[] interleaved, int channels)
    {
        var mono = new float[interleaved.Length / channels];
        for (int i = 0; i < mono.Length; i++)
        {
            if (channels == 2)
            {
                mono[i] = (interleaved[2 * i] + interleaved[2 * i + 1]) * 0.5f;
                continue;
            }

            float sum = interleaved[i * channels];
            for (int c = 1; c < channels; c++)
            {
                sum += interleaved[i * channels + c];
            }

            mono[i] = channels == 1 ? sum : sum * (1f / channels);
        }

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
