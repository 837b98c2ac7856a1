namespace GenreML.Audio.Features;

/// <summary>
/// Triangular Mel filter banks built the way librosa's <c>filters.mel</c> builds them (and torchaudio's
/// <c>melscale_fbanks</c> with matching settings): <c>n_mels + 2</c> edge frequencies equally spaced on the
/// Mel scale between f_min and f_max, and filter i = max(0, min(rising ramp, falling ramp)) evaluated at the
/// FFT bin frequencies k·sr/n_fft. With <see cref="MelNorm.Slaney"/> filter i is multiplied by
/// 2 / (f[i+2] − f[i]) so every filter has the same area. Computed in double precision, returned as float.
/// </summary>
public static class MelFilterBank
{
    private const double SlaneyLinearStep = 200.0 / 3.0;
    private const double SlaneyBreakHz = 1000.0;
    private const double SlaneyBreakMel = SlaneyBreakHz / SlaneyLinearStep;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    /// <summary>
    /// The dense filter bank <c>[bands, fftSize/2 + 1]</c>: element [b, k] weighs FFT bin k (frequency
    /// k·sampleRate/fftSize) in Mel band b.
    /// </summary>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="fftSize">FFT length; the bank has fftSize/2 + 1 columns.</param>
    /// <param name="bands">Number of Mel bands (rows).</param>
    /// <param name="fMin">Lowest edge in Hz.</param>
    /// <param name="fMax">Highest edge in Hz.</param>
    /// <param name="scale">Mel formula.</param>
    /// <param name="norm">Filter normalisation.</param>
    /// <exception cref="ArgumentException">A setting is out of range (all problems listed in one message).</exception>
    public static float[,] Create(int sampleRate, int fftSize, int bands, double fMin, double fMax, MelScale scale, MelNorm norm)
    {
        var problems = new List<string>();
        if (sampleRate <= 0) problems.Add($"sampleRate must be positive (got {sampleRate})");
        if (fftSize < 2) problems.Add($"fftSize must be ≥ 2 (got {fftSize})");
        if (bands <= 0) problems.Add($"bands must be positive (got {bands})");
        if (!(fMin >= 0)) problems.Add($"fMin must be ≥ 0 (got {fMin})");
        if (!(fMax > fMin)) problems.Add($"fMax must be greater than fMin (got {fMax} ≤ {fMin})");
        if (scale is not (MelScale.Slaney or MelScale.Htk)) problems.Add($"unknown Mel scale {scale}");
        if (norm is not (MelNorm.Slaney or MelNorm.None)) problems.Add($"unknown Mel norm {norm}");
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Mel filter bank settings: " + string.Join("; ", problems));
        }

        int bins = fftSize / 2 + 1;
        double[] edges = EdgeFrequencies(bands, fMin, fMax, scale);
        var weights = new float[bands, bins];
        for (int b = 0; b < bands; b++)
        {
            double lower = edges[b], centre = edges[b + 1], upper = edges[b + 2];
            double scaleFactor = norm == MelNorm.Slaney ? 2.0 / (upper - lower) : 1.0;
            for (int k = 0; k < bins; k++)
            {
                double f = (double)k * sampleRate / fftSize;
                double rising = (f - lower) / (centre - lower);
                double falling = (upper - f) / (upper - centre);
                double w = Math.Max(0.0, Math.Min(rising, falling));
                weights[b, k] = (float)(w * scaleFactor);
            }
        }

        return weights;
    }

    /// <summary>The dense filter bank for <paramref name="options"/> (validated first).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static float[,] Create(LogMelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Create(options.SampleRate, options.FftSize, options.MelBands, options.FMin, options.EffectiveFMax, options.MelScale, options.MelNorm);
    }

    /// <summary>The <paramref name="bands"/> + 2 filter edge frequencies in Hz, equally spaced in Mel between <paramref name="fMin"/> and <paramref name="fMax"/>.</summary>
    public static double[] EdgeFrequencies(int bands, double fMin, double fMax, MelScale scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bands);
        double melMin = HzToMel(fMin, scale);
        double melMax = HzToMel(fMax, scale);
        int count = bands + 2;
        var edges = new double[count];
        for (int i = 0; i < count; i++)
        {
            // numpy.linspace: start + i·step, with the end point exact.
            double mel = i == count - 1 ? melMax : melMin + i * ((melMax - melMin) / (count - 1));
            edges[i] = MelToHz(mel, scale);
        }

        return edges;
    }

    /// <summary>
    /// Hz to Mel. Slaney: f/(200/3) below 1 kHz, 15 + ln(f/1000)/(ln 6.4/27) above (librosa's <c>htk=False</c>).
    /// HTK: 2595·log10(1 + f/700).
    /// </summary>
    public static double HzToMel(double hz, MelScale scale) => scale switch
    {
        MelScale.Htk => 2595.0 * Math.Log10(1.0 + hz / 700.0),
        MelScale.Slaney => hz >= SlaneyBreakHz
            ? SlaneyBreakMel + Math.Log(hz / SlaneyBreakHz) / SlaneyLogStep
            : hz / SlaneyLinearStep,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown Mel scale."),
    };

    /// <summary>Mel to Hz, the inverse of <see cref="HzToMel"/>.</summary>
    public static double MelToHz(double mel, MelScale scale) => scale switch
    {
        MelScale.Htk => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0),
        MelScale.Slaney => mel >= SlaneyBreakMel
            ? SlaneyBreakHz * Math.Exp(SlaneyLogStep * (mel - SlaneyBreakMel))
            : SlaneyLinearStep * mel,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown Mel scale."),
    };
}
