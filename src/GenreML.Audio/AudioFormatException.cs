namespace GenreML.Audio;

/// <summary>
/// The one exception every GenreML decoder throws for input it cannot read: it names the source
/// (a file path, or a description such as "stream") and says specifically what is wrong.
/// </summary>
public sealed class AudioFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> with a specific <paramref name="reason"/>.</summary>
    public AudioFormatException(string source, string reason, Exception? inner = null)
        : base($"{source}: {reason}", inner)
    {
        Source = source;
        Reason = reason;
    }

    /// <summary>The file path or stream description that could not be decoded.</summary>
    public new string Source { get; }

    /// <summary>What is wrong with the input, without the source prefix.</summary>
    public string Reason { get; }
}
