using System.Numerics;
using System.Runtime.InteropServices;

namespace GenreML.Audio.Dsp;

/// <summary>
/// The smallest and the largest of a span, a vector at a time. <see cref="Vector.Min{T}(Vector{T}, Vector{T})"/> and
/// <see cref="Vector.Max{T}(Vector{T}, Vector{T})"/> follow <see cref="MathF.Min"/> and <see cref="MathF.Max"/>
/// (NaN wins, −0 &lt; +0), and an extreme does not depend on the order it is taken in, so the vector lanes give
/// exactly the scalar answer.
/// </summary>
internal static class VectorExtremes
{
    /// <summary>The smallest of <paramref name="values"/> (+∞ for none).</summary>
    public static float Min(ReadOnlySpan<float> values) => Reduce<Smaller>(values);

    /// <summary>The largest of <paramref name="values"/> (−∞ for none).</summary>
    public static float Max(ReadOnlySpan<float> values) => Reduce<Larger>(values);

    private static float Reduce<TPick>(ReadOnlySpan<float> values)
        where TPick : struct, IPick
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var lanes = new Vector<float>(TPick.None);
        foreach (Vector<float> v in vectors)
        {
            lanes = TPick.Pick(lanes, v);
        }

        float best = TPick.None;
        for (int l = 0; l < Vector<float>.Count; l++)
        {
            best = TPick.Pick(best, lanes[l]);
        }

        foreach (float v in values[(vectors.Length * Vector<float>.Count)..])
        {
            best = TPick.Pick(best, v);
        }

        return best;
    }

    private interface IPick
    {
        static abstract float None { get; }

        static abstract float Pick(float a, float b);

        static abstract Vector<float> Pick(Vector<float> a, Vector<float> b);
    }

    private struct Smaller : IPick
    {
        public static float None => float.PositiveInfinity;

        public static float Pick(float a, float b) => MathF.Min(a, b);

        public static Vector<float> Pick(Vector<float> a, Vector<float> b) => Vector.Min(a, b);
    }

    private struct Larger : IPick
    {
        public static float None => float.NegativeInfinity;

        public static float Pick(float a, float b) => MathF.Max(a, b);

        public static Vector<float> Pick(Vector<float> a, Vector<float> b) => Vector.Max(a, b);
    }
}
