namespace GenreML.MLNet.Results;

/// <summary>One complete line of a results file, as <see cref="ResultsFileReader"/> reads it back.</summary>
/// <param name="Identity">The file the line is about, as it was when scored.</param>
/// <param name="Model">The model that scored it.</param>
/// <param name="Failed">True when the line records an error.</param>
/// <param name="Text">The line as written (without its newline).</param>
public sealed record ResultLine(FileIdentity Identity, string Model, bool Failed, string Text);
