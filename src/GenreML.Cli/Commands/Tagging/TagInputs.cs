using System.Text.Json;
using GenreScore = GenreML.Inference.Results.GenreScore;
using GenreML.MLNet.Batch;
using GenreML.MLNet.Data;
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
        int labels = scorer.Model.Card.Labels.Count;
        foreach (GenrePrediction p in GenrePredictions.Read(scorer.Transform(ml.Data.LoadFromAudioFiles(paths)), labels))
        {
            yield return ToInput(p);
        }
    }

    /// <summary>The labels of the model at <paramref name="modelPath"/> (to check a genre map against).</summary>
    public static IReadOnlyList<string> Labels(string modelPath)
    {
        var ml = new MLContext(seed: 0);
        using GenreScoringTransformer scorer = ml.Transforms.ScoreGenres(modelPath, 1);
        return scorer.Model.Card.Labels.ToArray();
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

            GenrePrediction? p;
            try
            {
                p = JsonSerializer.Deserialize<GenrePrediction>(line, Json);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{resultsPath}:{number}: not a score result: {e.Message}", e);
            }

            if (p is null || string.IsNullOrEmpty(p.Path))
            {
                throw new InvalidDataException($"{resultsPath}:{number}: a result without a path");
            }

            yield return ToInput(p with { TopGenres = p.TopGenres ?? [], TopProbabilities = p.TopProbabilities ?? [] });
        }
    }

    private static TagInput ToInput(GenrePrediction p) => new(
        p.Path,
        p.TopGenres.Zip(p.TopProbabilities, (g, pr) => new GenreScore(g, pr)).ToArray(),
        p.Error is { } error ? $"could not be scored: {error}" : null);
}
