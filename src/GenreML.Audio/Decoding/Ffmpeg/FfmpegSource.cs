using System.Diagnostics;

namespace GenreML.Audio.Decoding;

/// <summary>
/// The samples of a running ffmpeg process, read from its 32-bit float WAV output as they arrive.
/// At the end of the output the process's verdict decides: an error line or a non-zero exit code
/// fails the decode (a damaged file is refused, not half-decoded). Disposing the source before the
/// end stops the process.
/// </summary>
internal sealed class FfmpegSource : MonoAudioSource
{
    private readonly string _input;
    private readonly Process _process;
    private readonly StderrTail _stderr;
    private readonly StdinFeeder? _feeder;
    private readonly MonoAudioSource _output;
    private bool _finished;

    public FfmpegSource(string source, string input, Process process, StderrTail stderr, StdinFeeder? feeder)
        : base(source)
    {
        _input = input;
        _process = process;
        _stderr = stderr;
        _feeder = feeder;
        try
        {
            _output = WavDecoder.OpenCore(process.StandardOutput.BaseStream, source, "ffmpeg");
        }
        catch (Exception error) when (error is AudioFormatException or ManagedDecoderDeclinedException or IOException)
        {
            throw Finish(error as AudioFormatException ?? new AudioFormatException(source, error.Message, error))!;
        }
    }

    /// <inheritdoc/>
    public override int SampleRate => _output.SampleRate;

    /// <inheritdoc/>
    public override int SourceChannels => _output.SourceChannels;

    /// <inheritdoc/>
    public override string DecoderName => "ffmpeg";

    /// <inheritdoc/>
    protected override int ReadCore(Span<float> destination)
    {
        int count;
        try
        {
            count = _output.Read(destination);
        }
        catch (AudioFormatException error)
        {
            throw Finish(error)!;
        }

        if (count == 0)
        {
            var failure = Finish(parseError: null);
            if (failure is not null)
            {
                throw failure;
            }

            Warning = _output.Warning;
        }

        return count;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (!_finished)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It has already exited: nothing to stop.
            }

            _process.WaitForExit();
            _feeder?.Finish();
        }

        _output?.Dispose();
        _process.Dispose();
    }

    /// <summary>
    /// Lets ffmpeg run to its end and returns the error to report: ffmpeg's own diagnosis when it
    /// failed, else the parse error of its output, else null (a clean decode).
    /// </summary>
    private AudioFormatException? Finish(AudioFormatException? parseError)
    {
        if (parseError is not null)
        {
            DrainQuietly(_process.StandardOutput.BaseStream);
        }

        _process.WaitForExit();
        _finished = true;
        Exception? feedError = _feeder?.Finish();
        if (feedError is not null)
        {
            return new AudioFormatException(SourceName, $"read error while piping into ffmpeg: {feedError.Message}", feedError);
        }

        string[] lines = _stderr.Lines();
        if (_process.ExitCode != 0 || lines.Length > 0)
        {
            return new AudioFormatException(SourceName, $"ffmpeg could not decode it: {FfmpegDecoder.Diagnosis(lines, _input, _process.ExitCode)}", parseError);
        }

        return parseError is null ? null : new AudioFormatException(SourceName, $"ffmpeg's decoded output could not be read: {parseError.Reason}", parseError);
    }

    /// <summary>Lets ffmpeg run to its end after a parse error, so that its own verdict (exit code, message) is known.</summary>
    private static void DrainQuietly(Stream stdout)
    {
        try
        {
            stdout.CopyTo(Stream.Null);
        }
        catch (IOException)
        {
            // The pipe broke: ffmpeg is gone, and its exit code tells the rest.
        }
    }
}
