using System.Numerics;
using System.Runtime.InteropServices;

namespace GenreML.Audio.Dsp;

/// <summary>Input checks shared by the signal transforms.</summary>
internal static class SampleChecks
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first NaN or infinite sample, if any.</summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<float> samples, string paramName)
    {
        if (AllFinite(samples))
        {
            return;
        }

        for (int i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                throw new ArgumentException($"Sample {i} of {samples.Length} is {samples[i]}; audio samples must be finite.", paramName);
            }
        }
    }

    /// <summary>Whether every sample is finite (no NaN, no ±∞), a vector at a time.</summary>
    public static bool AllFinite(ReadOnlySpan<float> samples)
    {
        // x − x is 0 for every finite x and NaN for NaN and ±∞.
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(samples);
        var acc = Vector<float>.Zero;
        foreach (Vector<float> v in vectors)
        {
            acc += v - v;
        }

        return Vector.EqualsAll(acc, Vector<float>.Zero) && ScalarAllFinite(samples[(vectors.Length * Vector<float>.Count)..]);
    }

    private static bool ScalarAllFinite(ReadOnlySpan<float> samples)
    {
        foreach (float s in samples)
        {
            if (!float.IsFinite(s))
            {
                return false;
            }
        }

        return true;
    }
}
