using System.Text.Json;
using GenreML.Inference.Cards;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Tests;

/// <summary>
/// The entry point of this test assembly run as a program (the test runner never calls it):
/// <c>dotnet GenreML.MLNet.Tests.dll score-saved &lt;pipeline.zip&gt; &lt;audio root&gt; &lt;out.json&gt;</c> loads a saved
/// pipeline in a fresh process, with nothing of the saving process in memory, scores the folder and writes the card's
/// labels and sample rate and every scored clip as JSON.
/// </summary>
public static class SavedPipelineHost
{
    internal static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static int Main(string[] args)
    {
        if (args.Length != 4 || args[0] != "score-saved")
        {
            Console.Error.WriteLine("usage: score-saved <pipeline.zip> <audio root> <out.json>");
            return 2;
        }

        var ml = new MLContext(seed: 1).AddGenreML();
        ITransformer pipeline = ml.Model.Load(args[1], out _);
        IDataView scored = pipeline.Transform(ml.Data.LoadFromAudioFolder(args[2]));
        ModelCard card = scored.Schema.GetGenreCard();
        var result = new HostResult([.. card.Labels], card.Features.SampleRate, ScoredClipReader.Read(scored).ToList());
        File.WriteAllText(args[3], JsonSerializer.Serialize(result, Json));
        return 0;
    }
}

/// <summary>What <see cref="SavedPipelineHost"/> writes.</summary>
public sealed record HostResult(string[] Labels, int SampleRate, List<ScoredClip> Clips);
