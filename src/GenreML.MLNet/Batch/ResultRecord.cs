namespace GenreML.MLNet.Batch;

/// <summary>One line of a results file: a prediction, the identity of the file it is about and the model that made it.</summary>
/// <param name="Prediction">The verdict (or error).</param>
/// <param name="Identity">The file's identity when it was scored.</param>
/// <param name="Model">The model's identity (<see cref="ModelIdentity.Of"/>).</param>
public sealed record ResultRecord(GenrePrediction Prediction, FileIdentity Identity, string Model);
