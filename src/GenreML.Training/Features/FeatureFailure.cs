namespace GenreML.Training.Features;

/// <summary>A file whose features could not be computed; it was skipped.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Reason">What went wrong (exception type and message).</param>
public sealed record FeatureFailure(string Path, string Reason);
