using GenreML.Inference.Batch;

namespace GenreML.MLNet.Results;

/// <summary>One line of a results file: what happened to a file, its identity and the model that scored it.</summary>
/// <param name="Outcome">The prediction or the error.</param>
/// <param name="Identity">The file's identity when it was scored.</param>
/// <param name="Model">The model's identity (<see cref="ModelIdentity.Of"/>).</param>
public sealed record ResultRecord(ClassificationOutcome Outcome, FileIdentity Identity, string Model);
