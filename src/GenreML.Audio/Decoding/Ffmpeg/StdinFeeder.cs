namespace GenreML.Audio.Decoding;

/// <summary>
/// Copies a source stream into a child process's standard input on a background task. A write that
/// fails because the process stopped reading (broken pipe) simply ends the copy; a failure to read
/// the source is kept, so that truncated input is reported rather than decoded in part.
/// </summary>
internal sealed class StdinFeeder
{
    private readonly Task _copy;
    private Exception? _readError;

    private StdinFeeder(Stream source, Stream stdin) => _copy = Task.Run(() => Copy(source, stdin));

    /// <summary>Starts copying <paramref name="source"/> into <paramref name="stdin"/>, closing it at the end.</summary>
    public static StdinFeeder Start(Stream source, Stream stdin) => new(source, stdin);

    /// <summary>Waits for the copy to end; returns the error met while reading the source, if any.</summary>
    public Exception? Finish()
    {
        _copy.Wait();
        return _readError;
    }

    private void Copy(Stream source, Stream stdin)
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                int count;
                try
                {
                    count = source.Read(buffer);
                }
                catch (Exception error) when (error is IOException or ObjectDisposedException or NotSupportedException)
                {
                    _readError = error;
                    return;
                }

                if (count == 0)
                {
                    return;
                }

                stdin.Write(buffer, 0, count);
            }
        }
        catch (IOException)
        {
            // ffmpeg closed its input (it has read enough, or failed and reports why on stderr).
        }
        finally
        {
            try
            {
                stdin.Dispose();
            }
            catch (IOException)
            {
                // Closing a pipe whose reader is gone: nothing to flush.
            }
        }
    }
}
