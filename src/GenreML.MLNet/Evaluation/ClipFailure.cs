namespace GenreML.MLNet.Evaluation;

/// <summary>A clip that could not be scored or evaluated.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record ClipFailure(string Path, string Reason);
