namespace GenreML.Tagging.Writing;

/// <summary>A file was not changed, and why; the original is untouched.</summary>
public sealed class TagWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TagWriteException(TagProblem problem, string message, Exception? inner = null)
        : base(message, inner)
    {
        Problem = problem;
    }

    /// <summary>What kind of problem stopped the write.</summary>
    public TagProblem Problem { get; }
}
