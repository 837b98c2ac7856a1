using System.ComponentModel;
using GenreML.Audio;
using GenreML.Inference;
using GenreML.Inference.Results;
using Microsoft.ML.Transforms;

namespace GenreML.MLNet.Saving;

/// <summary>
/// The scoring step of a saved GenreML pipeline, registered with ML.NET's component catalog under
/// <see cref="ContractName"/> so that <c>mlContext.Model.Load</c> can rebuild it (<c>mlContext.AddGenreML()</c>
/// registers it). Each row's audio file is scored by <see cref="GenreClassifier"/> with the model the row's
/// <see cref="SavedScoringInput.ModelColumn"/> carries: decoded, featurised per the card, run, averaged,
/// calibrated and given its status exactly as the classifier and the in-memory ML.NET scorer do. A file that cannot
/// be read gives a row with Error set, a NaN Score and an empty Status. Public only because ML.NET instantiates it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(ContractName)]
public sealed class SavedScoringFactory : CustomMappingFactory<SavedScoringInput, SavedScoringOutput>
{
    /// <summary>The contract name a saved pipeline records for this step.</summary>
    public const string ContractName = "GenreML.ScoreClip.v1";

    /// <summary>The mapping: one audio file in, its scores out.</summary>
    public override Action<SavedScoringInput, SavedScoringOutput> GetMapping() => Map;

    private static void Map(SavedScoringInput input, SavedScoringOutput output)
    {
        GenreClassifier classifier = SavedScoringClassifiers.For(input.Model);
        string path = input.Path.ToString();
        try
        {
            GenrePrediction prediction = classifier.Classify(path);
            output.Score = InLabelOrder(classifier.Labels, prediction.Scores);
            output.Status = prediction.Status;
            output.PredictedGenre = prediction.Genre;
            output.Duration = prediction.Duration.TotalSeconds;
            output.Windows = prediction.WindowCount;
            output.Error = "";
        }
        catch (AudioFormatException e)
        {
            Fail(output, classifier.Labels.Count, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Fail(output, classifier.Labels.Count, e.Message);
        }
    }

    private static float[] InLabelOrder(IReadOnlyList<string> labels, IReadOnlyList<GenreScore> scores)
    {
        var byLabel = new float[labels.Count];
        foreach (GenreScore score in scores)
        {
            byLabel[IndexOf(labels, score.Genre)] = score.Probability;
        }

        return byLabel;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string genre)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] == genre)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The classifier scored '{genre}', which is not one of its card's labels.");
    }

    private static void Fail(SavedScoringOutput output, int labels, string reason)
    {
        output.Score = Enumerable.Repeat(float.NaN, labels).ToArray();
        output.Status = "";
        output.PredictedGenre = "";
        output.Duration = 0;
        output.Windows = 0;
        output.Error = reason;
    }
}
