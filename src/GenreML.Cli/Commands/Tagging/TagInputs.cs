using System.Text.Json;
using GenreML.Inference.Batch;
using GenreML.Inference.Results;
using GenreML.MLNet.Data;
using GenreML.MLNet.Results;
using GenreML.MLNet.Scoring;
using GenreML.Tagging;
using Microsoft.ML;

namespace GenreML.Cli.Commands.Tagging;

/// <summary>Where <c>tag</c> gets each file's genre scores: the ML.NET scoring pipeline (as <c>score</c>), or a <c>score</c> results file.</summary>
internal static class TagInputs
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Scores <paramref name="paths"/> (files and folders) as they are enumerated; the scorer is disposed when the enumeration ends.</summary>
    public static IEnumerable<TagInput> Classify(string modelPath, IReadOnlyList<string> paths, int threads)
    {
        var ml = new MLContext(seed: 0);
        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(modelPath, threads);
        foreach (ClassificationOutcome outcome in GenrePredictions.Read(scorer.Transform(ml.Data.LoadFromAudioFiles(paths))))
        {
            yield return new TagInput(outcome.Path, outcome.Prediction?.Scores ?? [], outcome.Succeeded ? null : $"could not be scored: {outcome.Error}");
        }
    }

    /// <summary>The labels of the model at <paramref name="modelPath"/> (to check a genre map against).</summary>
    public static IReadOnlyList<string> Labels(string modelPath)
    {
        var ml = new MLContext(seed: 0);
        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(modelPath, 1);
        return scorer.Card.Labels.ToArray();
    }

    /// <summary>Reads a JSON Lines results file written by <c>score --out results.jsonl</c>, line by line.</summary>
    /// <exception cref="InvalidDataException">A line is not a result (the message names the file and line).</exception>
    public static IEnumerable<TagInput> FromResults(string resultsPath)
    {
        if (!resultsPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !resultsPath.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{resultsPath}: --from takes the JSON Lines file of 'score --out results.jsonl' (CSV loses nothing but is not read back)");
        }

        int number = 0;
        foreach (string line in File.ReadLines(resultsPath))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ResultLine? p;
            try
            {
                p = JsonSerializer.Deserialize<ResultLine>(line, Json);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{resultsPath}:{number}: not a score result: {e.Message}", e);
            }

            if (p is null || string.IsNullOrEmpty(p.Path))
            {
                throw new InvalidDataException($"{resultsPath}:{number}: a result without a path");
            }

            yield return new TagInput(
                p.Path,
                (p.TopGenres ?? []).Zip(p.TopProbabilities ?? [], (g, pr) => new GenreScore(g, pr)).ToArray(),
                p.Error is { } error ? $"could not be scored: {error}" : null);
        }
    }

    /// <summary>The fields of a results line that tagging reads (see <see cref="PredictionFileWriter"/>).</summary>
    private sealed record ResultLine(string Path, string[]? TopGenres, float[]? TopProbabilities, string? Error);
}
