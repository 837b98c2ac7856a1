using GenreML.Core.Evaluation;
using System.Globalization;
using GenreML.Reports.Data;
using GenreML.Reports.Report.Document;

namespace GenreML.Reports.Report;

/// <summary>Lays out a <see cref="RunReportData"/> as report sections: settings, dataset, metrics, charts, mistakes.</summary>
internal static class RunReportDocument
{
    /// <param name="data">The run.</param>
    /// <param name="charts">The chart images already written beside the report: (caption, file name), in order.</param>
    /// <param name="mistakeCount">How many of the most confident mistakes to list.</param>
    public static ReportDocument Build(RunReportData data, IReadOnlyList<(string Caption, string FileName)> charts, int mistakeCount)
    {
        var blocks = new List<ReportBlock>();

        blocks.Add(new HeadingBlock(2, "Run settings"));
        if (data.Settings.Count == 0)
        {
            blocks.Add(new ParagraphBlock("No settings were recorded."));
        }
        else
        {
            blocks.Add(new TableBlock(["Setting", "Value"], [false, false], data.Settings.Select(s => Row(s.Key, s.Value)).ToArray()));
        }

        blocks.Add(new HeadingBlock(2, "Dataset"));
        blocks.AddRange(DatasetBlocks(data));

        blocks.Add(new HeadingBlock(2, "Metrics"));
        if (data.Metrics.Count == 0 && data.ClassScores.Count == 0)
        {
            blocks.Add(new ParagraphBlock("No metrics were recorded."));
        }
        if (data.Metrics.Count > 0)
        {
            blocks.Add(new TableBlock(["Metric", "Value"], [false, true], data.Metrics.Select(m => Row(m.Key, Number(m.Value))).ToArray()));
        }
        if (data.ClassScores.Count > 0)
        {
            blocks.Add(new HeadingBlock(3, "Per class"));
            blocks.Add(new TableBlock(
                ["Label", "Precision", "Recall", "F1", "Support"],
                [false, true, true, true, true],
                data.ClassScores.Select(c => Row(c.Label, Fixed(c.Precision), Fixed(c.Recall), Fixed(c.F1), Integer(c.Support))).ToArray()));
        }

        blocks.Add(new HeadingBlock(2, "Charts"));
        if (charts.Count == 0)
        {
            blocks.Add(new ParagraphBlock("No chart data was recorded."));
        }
        foreach (var (caption, fileName) in charts)
        {
            blocks.Add(new HeadingBlock(3, caption));
            blocks.Add(new ImageBlock(caption, fileName));
        }

        blocks.Add(new HeadingBlock(2, "Most confident mistakes"));
        blocks.AddRange(MistakeBlocks(data.Mistakes, mistakeCount));

        return new ReportDocument(data.Title, blocks);
    }

    private static IEnumerable<ReportBlock> DatasetBlocks(RunReportData data)
    {
        if (data.DatasetCounts.Count == 0)
        {
            yield return new ParagraphBlock("No dataset counts were recorded.");
            yield break;
        }
        var labels = LabelOrder(data);
        var headers = new List<string> { "Label" };
        headers.AddRange(data.DatasetCounts.Select(s => s.Split));
        headers.Add("Total");
        var rows = new List<IReadOnlyList<string>>();
        var columnTotals = new int[data.DatasetCounts.Count];
        foreach (var label in labels)
        {
            var row = new List<string> { label };
            var total = 0;
            for (var s = 0; s < data.DatasetCounts.Count; s++)
            {
                var count = data.DatasetCounts[s].PerLabel.GetValueOrDefault(label);
                columnTotals[s] += count;
                total += count;
                row.Add(Integer(count));
            }
            row.Add(Integer(total));
            rows.Add(row);
        }
        var totalRow = new List<string> { "Total" };
        totalRow.AddRange(columnTotals.Select(Integer));
        totalRow.Add(Integer(columnTotals.Sum()));
        rows.Add(totalRow);
        yield return new TableBlock(headers, headers.Select((_, i) => i > 0).ToArray(), rows);
    }

    /// <summary>The model's label order when known (confusion matrix, then per-class scores), then any other labels in ordinal order.</summary>
    private static List<string> LabelOrder(RunReportData data)
    {
        var known = data.Confusion?.Labels ?? data.ClassScores.Select(c => c.Label).ToArray();
        var labels = new List<string>(known);
        var seen = new HashSet<string>(known, StringComparer.Ordinal);
        labels.AddRange(data.DatasetCounts
            .SelectMany(s => s.PerLabel.Keys)
            .Where(seen.Add)
            .Order(StringComparer.Ordinal));
        return labels;
    }

    private static IEnumerable<ReportBlock> MistakeBlocks(IReadOnlyList<Mistake> mistakes, int count)
    {
        if (mistakes.Count == 0)
        {
            yield return new ParagraphBlock("No mistakes were recorded.");
            yield break;
        }
        var top = mistakes
            .OrderByDescending(m => m.Confidence)
            .ThenBy(m => m.File, StringComparer.Ordinal)
            .Take(count)
            .ToArray();
        yield return new ParagraphBlock(string.Create(
            CultureInfo.InvariantCulture,
            $"The {top.Length} most confident of {mistakes.Count} misclassified clips."));
        yield return new TableBlock(
            ["#", "File", "True", "Predicted", "Confidence"],
            [true, false, false, false, true],
            top.Select((m, i) => Row(Integer(i + 1), m.File, m.TrueLabel, m.PredictedLabel, m.Confidence.ToString("0.0%", CultureInfo.InvariantCulture)))
                .ToArray());
    }

    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
