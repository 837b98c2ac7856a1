namespace GenreML.Audio;

/// <summary>How a failure is reported against the file it happened on.</summary>
public static class FileErrorText
{
    /// <summary>
    /// <paramref name="error"/>'s message as a reason that names <paramref name="path"/>: the message itself when it
    /// already does (decoders name their file), else <c>path: message</c>.
    /// </summary>
    public static string Naming(string path, Exception error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(error);
        return path.Length > 0 && error.Message.Contains(path, StringComparison.Ordinal) ? error.Message : $"{path}: {error.Message}";
    }
}
