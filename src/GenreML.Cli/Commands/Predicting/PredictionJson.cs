using System.Buffers;
using System.Text;
using System.Text.Json;
using GenreML.Core.IO;
using GenreML.Inference.Results;
using GenreML.MLNet.Results;
using GenrePrediction = GenreML.Inference.Results.GenrePrediction;

namespace GenreML.Cli.Commands.Predicting;

/// <summary><c>predict --json</c>: one JSON object per input on one line, with the field names of <see cref="ResultFields"/>; failures are <c>{"path":…,"error":…}</c>.</summary>
internal static class PredictionJson
{
    /// <summary>The line for a classified input.</summary>
    public static string Of(string path, GenrePrediction prediction, int top, bool windows, bool timeline) => Write(json =>
    {
        EscapedPathText.WriteJson(json, ResultFields.Path, path);
        ResultsFileWriter.WriteAnswer(json, prediction, top);
        json.WriteNumber(ResultFields.Windows, prediction.WindowCount);
        if (prediction.NotMusicScore is double notMusic)
        {
            json.WriteNumber(ResultFields.NotMusicScore, Math.Round(notMusic, 6));
        }

        json.WriteStartObject(ResultFields.Probabilities);
        foreach (GenreScore score in prediction.Scores)
        {
            json.WriteNumber(score.Genre, Round(score.Probability));
        }

        json.WriteEndObject();
        if (timeline && prediction.Segments is { } segments)
        {
            ResultsFileWriter.WriteSegments(json, segments);
        }

        if (windows && prediction.Windows is { } all)
        {
            json.WriteStartArray(ResultFields.WindowPredictions);
            foreach (WindowPrediction window in all)
            {
                json.WriteStartObject();
                ResultsFileWriter.WriteSpan(json, window.Start, window.End, window.Genre, window.Confidence);
                json.WriteStartArray(ResultFields.Probabilities);
                foreach (float p in window.Probabilities)
                {
                    json.WriteNumberValue(Round(p));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    });

    /// <summary>The line for an input that failed.</summary>
    public static string Error(string? path, string error) => Write(json =>
    {
        if (path is not null)
        {
            EscapedPathText.WriteJson(json, ResultFields.Path, path);
        }

        json.WriteString(ResultFields.Error, error);
    });

    private static double Round(float value) => Math.Round(value, 6);

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
