using GenreML.Audio.Dsp;
using GenreML.Audio.Features;

namespace GenreML.Onnx.FrontEnd;

/// <summary>
/// The constant tensors of the in-graph front end, taken from GenreML.Audio's own window and filter bank
/// so the graph and the managed front end cannot drift apart.
/// </summary>
internal static class FrontEndConstants
{
    /// <summary>The periodic Hann window of <see cref="LogMelOptions.WindowLength"/>, zero-padded (centred) to the FFT length.</summary>
    public static float[] PaddedHann(LogMelOptions options) => HannWindow.Centered(options.WindowLength, options.FftSize);

    /// <summary>The Mel filter bank as a row-major <c>[FrequencyBins, MelBands]</c> matrix (the right operand of the spectrum).</summary>
    public static float[] MelBinsByBands(LogMelOptions options)
    {
        float[,] bank = MelFilterBank.Create(options);
        int bands = bank.GetLength(0), bins = bank.GetLength(1);
        var transposed = new float[bins * bands];
        for (int b = 0; b < bands; b++)
        {
            for (int k = 0; k < bins; k++)
            {
                transposed[(k * bands) + b] = bank[b, k];
            }
        }

        return transposed;
    }
}
