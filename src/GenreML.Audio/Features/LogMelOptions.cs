using System.Text.Json.Serialization;

namespace GenreML.Audio.Features;

/// <summary>
/// Settings of the log-Mel front end. The defaults equal librosa's
/// <c>feature.melspectrogram(y, sr=22050)</c> followed by <c>power_to_db(S, ref=1.0, amin=1e-10, top_db=80)</c>:
/// 22 050 Hz, n_fft 2048, hop 512, window 2048 (periodic Hann), centred frames with zero padding,
/// power spectrum, 128 Slaney-scale Mel bands with Slaney area normalisation from 0 Hz to sr/2.
/// <see cref="Torchaudio"/> gives torchaudio's <c>MelSpectrogram</c> defaults instead.
/// The record is immutable and compares by value, so it can key caches and sit inside a model card.
/// </summary>
public sealed record LogMelOptions
{
    /// <summary>Sample rate the signal must have, in Hz. Default 22 050.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>FFT length in samples. Default 2048.</summary>
    public int FftSize { get; init; } = 2048;

    /// <summary>Samples between successive frames. Default 512.</summary>
    public int HopLength { get; init; } = 512;

    /// <summary>Window length in samples, at most <see cref="FftSize"/>; the window is zero-padded to the FFT length, centred. Default 2048.</summary>
    public int WindowLength { get; init; } = 2048;

    /// <summary>Whether frame t is centred on sample t·hop (the signal is padded by FftSize/2 at both ends). Default true.</summary>
    public bool Center { get; init; } = true;

    /// <summary>Padding used when <see cref="Center"/> is true. Default <see cref="PadMode.Constant"/> (zeros).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PadMode>))]
    public PadMode PadMode { get; init; } = PadMode.Constant;

    /// <summary>Power (|X|²) or magnitude (|X|) spectrum. Default <see cref="SpectrumKind.Power"/>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<SpectrumKind>))]
    public SpectrumKind Spectrum { get; init; } = SpectrumKind.Power;

    /// <summary>Number of Mel bands. Default 128.</summary>
    public int MelBands { get; init; } = 128;

    /// <summary>Lowest filter edge in Hz. Default 0.</summary>
    public double FMin { get; init; }

    /// <summary>Highest filter edge in Hz; null means SampleRate/2. Default null.</summary>
    public double? FMax { get; init; }

    /// <summary>Mel scale formula. Default <see cref="MelScale.Slaney"/>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<MelScale>))]
    public MelScale MelScale { get; init; } = MelScale.Slaney;

    /// <summary>Filter normalisation. Default <see cref="MelNorm.Slaney"/>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<MelNorm>))]
    public MelNorm MelNorm { get; init; } = MelNorm.Slaney;

    /// <summary>Whether the Mel spectrum is converted to decibels. Default true.</summary>
    public bool ToDecibels { get; init; } = true;

    /// <summary>Reference that maps to 0 dB. Default <see cref="DbReference.One"/> (librosa's <c>ref=1.0</c>).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<DbReference>))]
    public DbReference DbReference { get; init; } = DbReference.One;

    /// <summary>Floor applied before the logarithm (librosa's <c>amin</c>). Default 1e-10.</summary>
    public double AMin { get; init; } = 1e-10;

    /// <summary>Dynamic range kept below the clip's maximum in dB (librosa's <c>top_db</c>); null keeps all. Default 80.</summary>
    public double? TopDb { get; init; } = 80;

    /// <summary>The upper filter edge actually used: <see cref="FMax"/> or SampleRate/2.</summary>
    [JsonIgnore]
    public double EffectiveFMax => FMax ?? SampleRate / 2.0;

    /// <summary>Number of frequency bins of one STFT frame: FftSize/2 + 1.</summary>
    [JsonIgnore]
    public int FrequencyBins => FftSize / 2 + 1;

    /// <summary>librosa's defaults (the same as <c>new LogMelOptions()</c>).</summary>
    public static LogMelOptions Librosa { get; } = new();

    /// <summary>torchaudio's <c>MelSpectrogram</c> defaults at 22 050 Hz with 128 bands: HTK scale, no filter norm, reflect padding; then <c>AmplitudeToDB(top_db=80)</c>.</summary>
    public static LogMelOptions Torchaudio { get; } = new()
    {
        MelScale = MelScale.Htk,
        MelNorm = MelNorm.None,
        PadMode = PadMode.Reflect,
    };

    /// <summary>Number of frames a signal of <paramref name="sampleCount"/> samples yields.</summary>
    public int FrameCount(int sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        if (Center)
        {
            return 1 + sampleCount / HopLength;
        }

        return sampleCount < FftSize ? 0 : 1 + (sampleCount - FftSize) / HopLength;
    }

    /// <summary>Checks every setting at once and throws one <see cref="ArgumentException"/> listing all that are wrong.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (SampleRate <= 0) problems.Add($"SampleRate must be positive (got {SampleRate})");
        if (FftSize < 2 || (FftSize & (FftSize - 1)) != 0) problems.Add($"FftSize must be a power of two ≥ 2 (got {FftSize})");
        if (HopLength <= 0) problems.Add($"HopLength must be positive (got {HopLength})");
        if (WindowLength <= 0 || WindowLength > FftSize) problems.Add($"WindowLength must be in 1..FftSize={FftSize} (got {WindowLength})");
        if (MelBands <= 0) problems.Add($"MelBands must be positive (got {MelBands})");
        if (FMin < 0) problems.Add($"FMin must be ≥ 0 (got {FMin})");
        if (FMax is { } fmax && (fmax <= FMin || fmax > SampleRate / 2.0)) problems.Add($"FMax must be in (FMin, SampleRate/2] (got {fmax})");
        if (!(AMin > 0)) problems.Add($"AMin must be positive (got {AMin})");
        if (TopDb is { } top && !(top >= 0)) problems.Add($"TopDb must be ≥ 0 or null (got {top})");
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid log-Mel options: " + string.Join("; ", problems));
        }
    }
}
