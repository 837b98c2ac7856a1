using GenreML.Audio.Features;

namespace GenreML.Onnx.FrontEnd;

/// <summary>
/// The triangular Mel filter bank of <see cref="LogMelOptions"/> (Slaney or HTK scale, optional Slaney area
/// normalisation), the construction librosa's and torchaudio's filter banks share, computed in float64.
/// </summary>
internal static class MelFilterBank
{
    /// <summary>Weights as a row-major <c>[FrequencyBins, MelBands]</c> matrix (the right operand of the spectrum).</summary>
    public static float[] BinsByBands(LogMelOptions options)
    {
        int bins = options.FrequencyBins, bands = options.MelBands;
        double melMin = HzToMel(options.FMin, options.MelScale), melMax = HzToMel(options.EffectiveFMax, options.MelScale);
        var edges = new double[bands + 2];
        for (int i = 0; i < edges.Length; i++)
        {
            edges[i] = MelToHz(melMin + ((melMax - melMin) * i / (bands + 1)), options.MelScale);
        }

        var weights = new float[bins * bands];
        for (int m = 0; m < bands; m++)
        {
            double lower = edges[m], centre = edges[m + 1], upper = edges[m + 2];
            double norm = options.MelNorm == MelNorm.Slaney ? 2.0 / (upper - lower) : 1.0;
            for (int k = 0; k < bins; k++)
            {
                double frequency = (double)k * options.SampleRate / options.FftSize;
                double rising = (frequency - lower) / (centre - lower);
                double falling = (upper - frequency) / (upper - centre);
                weights[(k * bands) + m] = (float)(Math.Max(0, Math.Min(rising, falling)) * norm);
            }
        }

        return weights;
    }

    private const double SlaneyLinearStep = 200.0 / 3;
    private const double SlaneyLogStartHz = 1000;
    private const double SlaneyLogStartMel = SlaneyLogStartHz / SlaneyLinearStep;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27;

    private static double HzToMel(double hz, MelScale scale) => scale switch
    {
        MelScale.Htk => 2595 * Math.Log10(1 + (hz / 700)),
        _ => hz < SlaneyLogStartHz ? hz / SlaneyLinearStep : SlaneyLogStartMel + (Math.Log(hz / SlaneyLogStartHz) / SlaneyLogStep),
    };

    private static double MelToHz(double mel, MelScale scale) => scale switch
    {
        MelScale.Htk => 700 * (Math.Pow(10, mel / 2595) - 1),
        _ => mel < SlaneyLogStartMel ? mel * SlaneyLinearStep : SlaneyLogStartHz * Math.Exp(SlaneyLogStep * (mel - SlaneyLogStartMel)),
    };
}
