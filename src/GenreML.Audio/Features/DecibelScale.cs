using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GenreML.Audio.Dsp;

namespace GenreML.Audio.Features;

/// <summary>
/// librosa's <c>power_to_db</c> (power spectra) and <c>amplitude_to_db</c> (magnitude spectra), in place:
/// v ← m·log10(max(v, amin)) − m·log10(max(ref, amin)) with m = 10 for power and 20 for magnitude,
/// ref = 1 or the largest value, then v ← max(v, max(v) − top_db).
/// For magnitude the floor amin applies to the magnitude itself (as torchaudio's <c>AmplitudeToDB</c>).
/// Every value goes through the same vector logarithm wherever it sits, so a spectrogram converted in blocks
/// (<see cref="LogMelStream"/>, with the clip's largest value given) equals one converted whole.
/// </summary>
internal static class DecibelScale
{
    /// <summary>Converts <paramref name="values"/> in place according to <paramref name="options"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(Span<float> values, LogMelOptions options) => Apply(values, options, VectorExtremes.Max(values));

    /// <summary>
    /// Converts <paramref name="values"/>, a part of a spectrogram whose largest value is <paramref name="largest"/>,
    /// in place: the reference (<see cref="DbReference.Max"/>) and the top_db floor follow the whole spectrogram.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(Span<float> values, LogMelOptions options, float largest)
    {
        if (values.IsEmpty)
        {
            return;
        }

        float multiplier = options.Spectrum == SpectrumKind.Power ? 10f : 20f;
        float amin = (float)options.AMin;
        float reference = options.DbReference == DbReference.Max ? largest : 1f;
        float referenceDb = multiplier * MathF.Log10(MathF.Max(reference, amin));
        float floor = options.TopDb is { } topDb
            ? multiplier * MathF.Log10(MathF.Max(largest, amin)) - referenceDb - (float)topDb
            : float.NegativeInfinity;

        // m·log10(x) = (m / ln 10)·ln(x); Vector.Log is accurate to a few 1e-7 relative.
        float scale = multiplier / MathF.Log(10f);
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var aminVector = new Vector<float>(amin);
        var scaleVector = new Vector<float>(scale);
        var referenceVector = new Vector<float>(referenceDb);
        var floorVector = new Vector<float>(floor);
        for (int i = 0; i < vectors.Length; i++)
        {
            Vector<float> db = Vector.Log(Vector.Max(vectors[i], aminVector)) * scaleVector - referenceVector;
            vectors[i] = Vector.Max(db, floorVector);
        }

        // The tail goes through the same vector logarithm as the rest (padded with amin, which is not written back).
        int done = vectors.Length * Vector<float>.Count;
        if (done < values.Length)
        {
            Span<float> tail = stackalloc float[Vector<float>.Count];
            tail.Fill(amin);
            values[done..].CopyTo(tail);
            var db = Vector.Max(Vector.Log(Vector.Max(new Vector<float>(tail), aminVector)) * scaleVector - referenceVector, floorVector);
            db.CopyTo(tail);
            tail[..(values.Length - done)].CopyTo(values[done..]);
        }
    }
}
