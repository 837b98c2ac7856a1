using System.Text.Json;
using GenreML.Inference.Results;
using GenreML.MLNet.Results;
using GenreML.MLNet.Scoring;
using GenreML.Tagging;
using Microsoft.ML;

namespace GenreML.Cli.Commands.Tagging;

/// <summary>What <c>tag</c> reads besides audio: a <c>score</c> results file (<c>--from</c>) and the model's labels (to check a map).</summary>
internal static class TagInputs
{
    private const string StatusField = "status";
    private const string OkStatus = "ok";

    /// <summary>The labels of the model at <paramref name="modelPath"/>.</summary>
    public static IReadOnlyList<string> Labels(string modelPath)
    {
        var ml = new MLContext(seed: 0);
        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(modelPath, 1);
        return scorer.Card.Labels.ToArray();
    }

    /// <summary>The files of a JSON Lines results file written by <c>score --out</c> with their genre scores, in file order.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON Lines, or a line is not a result (the message names the file and line).</exception>
    public static IEnumerable<TagInput> FromResults(string resultsPath)
    {
        if (ResultsFileWriter.FormatOf(resultsPath) != PredictionFormat.JsonLines)
        {
            throw new InvalidDataException($"{resultsPath}: --from reads the JSON Lines results of 'score --out results.jsonl'");
        }

        int number = 0;
        foreach (ResultLine line in ResultsFileReader.Read(resultsPath))
        {
            number++;
            yield return FromJson(line, resultsPath, number);
        }
    }

    private static TagInput FromJson(ResultLine line, string file, int number)
    {
        using JsonDocument json = JsonDocument.Parse(line.Text);
        JsonElement root = json.RootElement;
        if (root.TryGetProperty(ResultFields.Error, out JsonElement error) && error.GetString() is { Length: > 0 } why)
        {
            return new TagInput(line.Identity.Path, [], $"could not be scored: {why}");
        }

        // A result whose status is not "ok" (silence, too short, not music, uncertain) is not a genre to write.
        if (root.TryGetProperty(StatusField, out JsonElement status) && status.GetString() is { } verdict && verdict != OkStatus)
        {
            return new TagInput(line.Identity.Path, [], $"the model's answer is '{verdict}', not a genre");
        }

        if (!root.TryGetProperty(ResultFields.TopGenres, out JsonElement genres) || !root.TryGetProperty(ResultFields.TopProbabilities, out JsonElement probabilities)
            || genres.ValueKind != JsonValueKind.Array || probabilities.ValueKind != JsonValueKind.Array || genres.GetArrayLength() != probabilities.GetArrayLength())
        {
            throw new InvalidDataException($"{file}, result {number}: no {ResultFields.TopGenres} / {ResultFields.TopProbabilities} of equal length");
        }

        return new TagInput(
            line.Identity.Path,
            genres.EnumerateArray().Zip(probabilities.EnumerateArray(), (g, p) => new GenreScore(g.GetString() ?? "", p.GetSingle())).ToArray());
    }
}
