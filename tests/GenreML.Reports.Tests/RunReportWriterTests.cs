using GenreML.Core.Evaluation;
using GenreML.Reports.Data;
using GenreML.Reports.Report;

namespace GenreML.Reports.Tests;

public sealed class RunReportWriterTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("genreml-report-");

    public void Dispose() => folder.Delete(recursive: true);

    private static RunReportData FullRun() => new()
    {
        Title = "run cnn-small 2026-11-24",
        Settings = [new("architecture", "cnn-small"), new("epochs", "12"), new("feature settings", "n_mels 128 | hop 512")],
        DatasetCounts =
        [
            new("train", new Dictionary<string, int> { ["jazz"] = 70, ["blues"] = 68 }),
            new("test", new Dictionary<string, int> { ["jazz"] = 15, ["blues"] = 14, ["zydeco"] = 1 }),
        ],
        Metrics = [new("accuracy", 0.8125), new("macro F1", 0.80419)],
        ClassScores = [new ClassMetrics("blues", 0.8, 0.75, 0.774, 14), new ClassMetrics("jazz", 0.78, 0.82, 0.8, 15)],
        Confusion = new ConfusionData(["blues", "jazz"], new[,] { { 11, 3 }, { 2, 13 } }),
        Epochs = Fixtures.Epochs(),
        Examples = [Fixtures.Spectrogram("jazz.00002.wav", "jazz", "jazz"), Fixtures.Spectrogram("blues.00029.wav", "blues", "jazz", seed: 2)],
        Mistakes = Enumerable.Range(0, 12)
            .Select(i => new Mistake($"blues.{i:00000}.wav", "blues", "jazz", 0.5 + i * 0.04))
            .Append(new Mistake("jazz_odd|name.wav", "jazz", "blues", 0.55))
            .ToArray(),
    };

    [Fact]
    public void Writes_markdown_html_and_every_chart()
    {
        var files = RunReportWriter.Write(FullRun(), folder.FullName);

        Assert.Equal(Path.Combine(folder.FullName, "report.md"), files.MarkdownPath);
        Assert.Equal(Path.Combine(folder.FullName, "report.html"), files.HtmlPath);
        Assert.Equal(
            ["learning_curves.png", "confusion_matrix.png", "class_scores.png", "spectrograms.png"],
            files.ChartPaths.Select(Path.GetFileName));
        foreach (var chart in files.ChartPaths)
        {
            using var bitmap = SkiaSharp.SKBitmap.Decode(chart);
            Assert.NotNull(bitmap);
        }
        Assert.Empty(folder.GetFiles("*.tmp"));
    }

    [Fact]
    public void Markdown_has_settings_dataset_metrics_chart_links_and_the_ten_most_confident_mistakes()
    {
        var files = RunReportWriter.Write(FullRun(), folder.FullName, new RunReportOptions { WriteHtml = false });
        var md = File.ReadAllText(files.MarkdownPath);
        var lines = md.Split('\n');

        Assert.StartsWith("# run cnn-small 2026-11-24\n", md);
        Assert.Contains("| epochs | 12 |", lines);
        Assert.Contains("| feature settings | n\\_mels 128 \\| hop 512 |", lines);

        // Dataset: the model's label order first, then unknown labels; totals per split and overall.
        Assert.Contains("| Label | train | test | Total |", lines);
        Assert.Contains("| blues | 68 | 14 | 82 |", lines);
        Assert.Contains("| jazz | 70 | 15 | 85 |", lines);
        Assert.Contains("| zydeco | 0 | 1 | 1 |", lines);
        Assert.Contains("| Total | 138 | 30 | 168 |", lines);
        Assert.True(Array.IndexOf(lines, "| blues | 68 | 14 | 82 |") < Array.IndexOf(lines, "| jazz | 70 | 15 | 85 |"));

        Assert.Contains("| accuracy | 0.8125 |", lines);
        Assert.Contains("| macro F1 | 0.80419 |", lines);
        Assert.Contains("| jazz | 0.780 | 0.820 | 0.800 | 15 |", lines);

        Assert.Contains("![Learning curves](learning_curves.png)", lines);
        Assert.Contains("![Confusion matrix](confusion_matrix.png)", lines);
        Assert.Contains("![Per-class precision, recall and F1](class_scores.png)", lines);
        Assert.Contains("![Spectrogram examples](spectrograms.png)", lines);

        Assert.Contains("The 10 most confident of 13 misclassified clips.", lines);
        var mistakeRows = lines.Where(l => l.Contains(".wav |", StringComparison.Ordinal)).ToArray();
        Assert.Equal(10, mistakeRows.Length);
        Assert.Equal("| 1 | blues.00011.wav | blues | jazz | 94.0% |", mistakeRows[0]);
        Assert.Equal("| 10 | blues.00002.wav | blues | jazz | 58.0% |", mistakeRows[9]);
        Assert.False(File.Exists(Path.Combine(folder.FullName, "report.html")));
    }

    [Fact]
    public void Html_is_self_contained_with_base64_images()
    {
        var files = RunReportWriter.Write(FullRun(), folder.FullName);
        var html = File.ReadAllText(files.HtmlPath!);
        Assert.Equal(4, CountOf(html, "src=\"data:image/png;base64,"));
        Assert.DoesNotContain("src=\"learning_curves.png\"", html);
        Assert.Contains("<td>n_mels 128 | hop 512</td>", html);
        Assert.Contains("<h1>run cnn-small 2026-11-24</h1>", html);
    }

    [Fact]
    public void Svg_charts_are_written_on_request()
    {
        var files = RunReportWriter.Write(FullRun(), folder.FullName, new RunReportOptions { WriteSvg = true, WriteHtml = false });
        Assert.Contains(files.ChartPaths, p => p.EndsWith("confusion_matrix.svg", StringComparison.Ordinal));
        Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(folder.FullName, "learning_curves.svg")).TrimStart());
    }

    [Fact]
    public void A_run_with_only_a_title_writes_a_report_that_says_what_is_missing()
    {
        var files = RunReportWriter.Write(new RunReportData { Title = "empty" }, folder.FullName);
        Assert.Empty(files.ChartPaths);
        var md = File.ReadAllText(files.MarkdownPath);
        Assert.Contains("No settings were recorded.", md);
        Assert.Contains("No dataset counts were recorded.", md);
        Assert.Contains("No metrics were recorded.", md);
        Assert.Contains("No chart data was recorded.", md);
        Assert.Contains("No mistakes were recorded.", md);
    }

    [Fact]
    public void Rejects_a_blank_title_and_bad_options()
    {
        Assert.Throws<ArgumentException>(() => RunReportWriter.Write(new RunReportData { Title = " " }, folder.FullName));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            RunReportWriter.Write(new RunReportData { Title = "x" }, folder.FullName, new RunReportOptions { MistakeCount = 0 }));
    }

    [Fact]
    public void Invalid_data_fails_before_any_file_is_written()
    {
        var bad = FullRun() with { ClassScores = [new ClassMetrics("jazz", 0.5, 1.5, 0.5, 3)] };
        Assert.Contains("'jazz': recall", Assert.Throws<ArgumentException>(() => RunReportWriter.Write(bad, folder.FullName)).Message);
        var badMistake = FullRun() with { Mistakes = [new Mistake("pop.00001.wav", "pop", "rock", double.NaN)] };
        Assert.Contains("pop.00001.wav", Assert.Throws<ArgumentException>(() => RunReportWriter.Write(badMistake, folder.FullName)).Message);
        Assert.Empty(folder.GetFileSystemInfos());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
