using System.ComponentModel;
using System.Diagnostics;
using GenreML.Core.IO;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Decodes every format ffmpeg knows (MP3, FLAC, Ogg Vorbis, Opus, AAC/M4A, WMA, AIFF, …) by running
/// the <c>ffmpeg</c> program: it streams the first audio stream as 32-bit float WAV to its standard
/// output at the native rate with all channels, which <see cref="WavDecoder"/>'s parser reads as it
/// arrives and downmixes by the mean of the channels. No temporary files are written; stream input
/// is piped into ffmpeg's standard input.
/// </summary>
/// <remarks>
/// The program is <c>ffmpeg</c> on the PATH unless the environment variable
/// <see cref="ExecutableVariable"/> names another. When it cannot be started the error says how to
/// install it. ffmpeg runs at log level "error" and keeps going past damaged packets with exit code
/// 0, so any error line it prints fails the decode (a damaged file is refused, not half-decoded);
/// the error carries its most telling line.
/// </remarks>
public static class FfmpegDecoder
{
    /// <summary>Environment variable that overrides the ffmpeg executable: <c>GENREML_FFMPEG</c>.</summary>
    public const string ExecutableVariable = "GENREML_FFMPEG";

    private const int StderrLinesKept = 16;

    /// <summary>The executable used by the overloads without one: <c>$GENREML_FFMPEG</c> or <c>ffmpeg</c>.</summary>
    public static string DefaultExecutable =>
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } custom ? custom : "ffmpeg";

    /// <summary>Decodes the file at <paramref name="path"/> with <see cref="DefaultExecutable"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, ffmpeg is missing, or ffmpeg cannot decode it.</exception>
    public static AudioSignal Read(string path) => Read(path, DefaultExecutable);

    /// <summary>Decodes the file at <paramref name="path"/> with the given ffmpeg executable.</summary>
    /// <exception cref="AudioFormatException">The file is missing, ffmpeg is missing, or ffmpeg cannot decode it.</exception>
    public static AudioSignal Read(string path, string ffmpegExecutable)
    {
        using var source = Open(path, ffmpegExecutable);
        return source.ReadToEnd();
    }

    /// <summary>Starts decoding the file at <paramref name="path"/>; the samples stream from ffmpeg's output as they are read.</summary>
    /// <exception cref="AudioFormatException">The file is missing, ffmpeg is missing, or ffmpeg cannot decode it.</exception>
    public static MonoAudioSource Open(string path, string ffmpegExecutable)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(ffmpegExecutable);
        if (EscapedPath.NeedsRawBytes(path))
        {
            // No argument string can carry the raw name: open it here and hand ffmpeg the open file.
            return AudioDecoder.Open(path, new AudioDecodeOptions { ForceFfmpeg = true, FfmpegExecutable = ffmpegExecutable });
        }

        if (Directory.Exists(path))
        {
            throw new AudioFormatException(path, "is a directory, not an audio file");
        }

        if (!File.Exists(path))
        {
            throw new AudioFormatException(path, "the file does not exist");
        }

        string input = "file:" + Path.GetFullPath(path);
        return Run(path, input, stdinSource: null, ffmpegExecutable, KindOf(path));
    }

    /// <summary>Decodes <paramref name="stream"/> by piping it into ffmpeg (<see cref="DefaultExecutable"/>).</summary>
    /// <exception cref="AudioFormatException">ffmpeg is missing or cannot decode the content.</exception>
    public static AudioSignal Read(Stream stream, string sourceName) => Read(stream, sourceName, DefaultExecutable);

    /// <summary>
    /// Decodes <paramref name="stream"/> by piping it into the given ffmpeg executable (a file stream at
    /// its start is opened by name instead, so that ffmpeg can seek; on Linux a file stream opened by descriptor,
    /// as a name that is not UTF-8 is, goes as <c>/proc/&lt;pid&gt;/fd/N</c>). Through a pipe ffmpeg cannot seek:
    /// an MP4/M4A whose index follows the audio then fails with an error that says so.
    /// </summary>
    /// <exception cref="AudioFormatException">ffmpeg is missing or cannot decode the content.</exception>
    public static AudioSignal Read(Stream stream, string sourceName, string ffmpegExecutable)
    {
        using var source = Open(stream, sourceName, ffmpegExecutable);
        return source.ReadToEnd();
    }

    /// <summary>Starts decoding <paramref name="stream"/> as <see cref="Read(Stream, string, string)"/> does, streaming the samples.</summary>
    /// <exception cref="AudioFormatException">ffmpeg is missing or cannot decode the content.</exception>
    public static MonoAudioSource Open(Stream stream, string sourceName, string ffmpegExecutable)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentException.ThrowIfNullOrEmpty(ffmpegExecutable);
        if (stream is FileStream { CanSeek: true, Position: 0 } file && File.Exists(file.Name))
        {
            return Run(sourceName, "file:" + Path.GetFullPath(file.Name), stdinSource: null, ffmpegExecutable, KindOf(sourceName));
        }

        if (stream is FileStream { CanSeek: true, Position: 0 } opened && OperatingSystem.IsLinux())
        {
            // A file opened by descriptor (a name that is not UTF-8, which no argument string can carry): ffmpeg
            // opens the same file through this process's descriptor link, so it can still seek.
            string descriptor = $"/proc/{Environment.ProcessId}/fd/{opened.SafeFileHandle.DangerousGetHandle()}";
            return Run(sourceName, "file:" + descriptor, stdinSource: null, ffmpegExecutable, KindOf(sourceName));
        }

        return Run(sourceName, "pipe:0", stream, ffmpegExecutable, KindOf(sourceName));
    }

    private static string KindOf(string name)
    {
        string extension = Path.GetExtension(name);
        return extension.Length > 1 ? $"{extension.ToLowerInvariant()} files" : "this format (neither WAV nor AU)";
    }

    private static MonoAudioSource Run(string source, string input, Stream? stdinSource, string executable, string kind)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        string[] arguments = stdinSource is null
            ? ["-hide_banner", "-nostdin", "-loglevel", "error", "-i", input]
            : ["-hide_banner", "-loglevel", "error", "-i", input];
        foreach (string argument in arguments.Concat(["-map", "0:a:0", "-c:a", "pcm_f32le", "-f", "wav", "pipe:1"]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var stderr = new StderrTail(StderrLinesKept);
        process.ErrorDataReceived += (_, line) => stderr.Add(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception missing)
        {
            process.Dispose();
            throw new AudioFormatException(source, $"ffmpeg is needed for {kind}: install it (Debian/Ubuntu: apt-get install ffmpeg){NotFoundDetail(executable)}", missing);
        }

        process.BeginErrorReadLine();
        var feeder = stdinSource is null ? null : StdinFeeder.Start(stdinSource, process.StandardInput.BaseStream);
        if (feeder is null)
        {
            process.StandardInput.Close();
        }

        return new FfmpegSource(source, input, process, stderr, feeder);
    }

    /// <summary>
    /// The most telling of ffmpeg's last lines: "the file has no audio stream" when the stream map
    /// found none, else the last line that is not advice about ffmpeg's own options, without the
    /// input-name prefix ffmpeg puts in front (the source is already named).
    /// </summary>
    internal static string Diagnosis(IReadOnlyList<string> lines, string input, int exitCode)
    {
        if (lines.Any(line => line.Contains("matches no streams", StringComparison.Ordinal)))
        {
            return "the file has no audio stream";
        }

        string? last = lines.LastOrDefault(line => !line.StartsWith("To ignore this", StringComparison.Ordinal));
        if (last is null)
        {
            return $"ffmpeg exited with code {exitCode} without a message";
        }

        string message = last.StartsWith(input + ": ", StringComparison.Ordinal) ? last[(input.Length + 2)..] : last;
        bool needsSeeking = lines.Any(line => line.Contains("partial file", StringComparison.Ordinal) || line.Contains("moov atom not found", StringComparison.Ordinal));
        return input == "pipe:0" && needsSeeking
            ? $"{message} (this container keeps its index after the audio, so ffmpeg needs a seekable file, not a stream: decode it from a path)"
            : message;
    }

    private static string NotFoundDetail(string executable) =>
        executable == "ffmpeg" ? "" : $" (tried \"{executable}\")";
}
