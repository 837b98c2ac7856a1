using GenreML.Audio.Features;

namespace GenreML.Onnx.FrontEnd;

/// <summary>The periodic Hann window of <see cref="LogMelOptions.WindowLength"/>, zero-padded (centred) to the FFT length.</summary>
internal static class AnalysisWindow
{
    public static float[] PaddedHann(LogMelOptions options)
    {
        var window = new float[options.FftSize];
        int length = options.WindowLength, offset = (options.FftSize - length) / 2;
        for (int n = 0; n < length; n++)
        {
            window[offset + n] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * n / length)));
        }

        return window;
    }
}
