namespace GenreML.Audio.Decoding;

/// <summary>How <see cref="AudioDecoder"/> chooses between its managed decoders and ffmpeg.</summary>
public sealed record AudioDecodeOptions
{
    /// <summary>
    /// Environment variable that makes the default options send every file to ffmpeg when set to
    /// <c>1</c> (for comparing the managed decoders with ffmpeg): <c>GENREML_FORCE_FFMPEG</c>.
    /// </summary>
    public const string ForceFfmpegVariable = "GENREML_FORCE_FFMPEG";

    /// <summary>
    /// The options from the environment: <see cref="ForceFfmpeg"/> from <see cref="ForceFfmpegVariable"/>,
    /// <see cref="FfmpegExecutable"/> from <see cref="FfmpegDecoder.ExecutableVariable"/>.
    /// </summary>
    public static AudioDecodeOptions FromEnvironment() => new()
    {
        ForceFfmpeg = Environment.GetEnvironmentVariable(ForceFfmpegVariable) == "1",
        FfmpegExecutable = FfmpegDecoder.DefaultExecutable,
    };

    /// <summary>Decode every file with ffmpeg, even those a managed decoder reads (default: false).</summary>
    public bool ForceFfmpeg { get; init; }

    /// <summary>The ffmpeg program for formats without a managed decoder (default: <c>ffmpeg</c>).</summary>
    public string FfmpegExecutable { get; init; } = "ffmpeg";
}
