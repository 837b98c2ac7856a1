using System.Text.Json;
using GenreML.Inference.Answers;
using GenreML.Inference.Loading;
using GenreML.Inference.Results;
using GenreML.MLNet.Results;
using GenreML.Tagging;

namespace GenreML.Cli.Commands.Tagging;

/// <summary>What <c>tag</c> reads besides audio: a <c>score</c> results file (<c>--from</c>) and the model's labels (to check a map).</summary>
internal static class TagInputs
{
    /// <summary>
    /// The labels of the model at <paramref name="modelPath"/>, from its card (<see cref="ModelContract.Load"/>), without
    /// building a scorer: the scoring run opens its own.
    /// </summary>
    public static IReadOnlyList<string> Labels(string modelPath) => ModelContract.Load(modelPath).Labels;

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

    /// <summary>
    /// Why a result with <paramref name="status"/> gives no genre to write (silence, too short, not music, uncertain),
    /// or null when it is an answer (<c>ok</c>, or no status from an older results file).
    /// </summary>
    public static string? NotAnAnswer(string? status) =>
        status is null or "" or ResultStatus.Ok ? null : $"the model's answer is '{status}', not a genre";

    private static TagInput FromJson(ResultLine line, string file, int number)
    {
        using JsonDocument json = JsonDocument.Parse(line.Text);
        JsonElement root = json.RootElement;
        if (root.TryGetProperty(ResultFields.Error, out JsonElement error) && error.GetString() is { Length: > 0 } why)
        {
            return new TagInput(line.Identity.Path, [], $"could not be scored: {why}");
        }

        if (root.TryGetProperty(ResultFields.Status, out JsonElement status) && NotAnAnswer(status.GetString()) is { } notAnswer)
        {
            return new TagInput(line.Identity.Path, [], notAnswer);
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
