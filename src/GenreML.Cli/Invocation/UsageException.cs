namespace GenreML.Cli.Invocation;

/// <summary>
/// Nothing could run (bad input, a model that cannot be loaded, no files): the command prints
/// <see cref="Exception.Message"/> as one line and exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception with the one-line message to print.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the one-line message to print and its cause.</summary>
    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
