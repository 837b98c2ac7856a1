using System.CommandLine;
using GenreML.Cli.Reporting;
using GenreML.Reports.Report;

namespace GenreML.Cli.Commands;

/// <summary><c>genreml report</c>: rebuilds a training run's charts and report from its metrics.json and card.json.</summary>
internal static class ReportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var run = new Argument<DirectoryInfo>("run") { Description = "A run folder written by 'genreml train'" };
        var command = new Command("report", "Rebuild a training run's charts, report.md and report.html from its metrics.json and card.json") { run };
        command.SetAction(parse =>
        {
            DirectoryInfo folder = parse.GetValue(run)!;
            if (!folder.Exists)
            {
                Console.Error.WriteLine($"error: {folder.FullName}: no such folder");
                return 2;
            }

            try
            {
                RunReportFiles files = TrainingReport.Write(folder.FullName);
                Console.WriteLine($"wrote {files.MarkdownPath}{(files.HtmlPath is null ? "" : $", {files.HtmlPath}")} and {files.ChartPaths.Count} charts");
                return 0;
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
