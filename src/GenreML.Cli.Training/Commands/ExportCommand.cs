using GenreML.Cli.Invocation;
using GenreML.Cli.Models;
using GenreML.Core.Runs;
using System.CommandLine;
using GenreML.Inference.Cards;
using GenreML.Inference.Loading;
using GenreML.Onnx.Export;
using GenreML.Training.Export;
using GenreML.Training.Runs;

namespace GenreML.Cli.Commands;

/// <summary>
/// <c>genreml export</c>: writes a trained run's network as a self-describing ONNX model. Exit codes (<see cref="ExitCodes"/>):
/// 0 written; 2 nothing written (bad options, a folder that is not a run, a <c>--model</c> that cannot be loaded): one line.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A run folder written by 'genreml train' (its best weights) or a weights file inside one" };
        var model = new Option<FileInfo?>("--model") { Description = "Instead of --checkpoint: any GenreML window-level ONNX model (e.g. the shipped onnx/genreml-gtzan.onnx), to give it the front end with --with-frontend" };
        var output = new Option<FileInfo?>("--out") { Description = "The .onnx file to write (default: model.onnx in the run folder; with --model: <model>.waveform.onnx beside it)" };
        var withFrontEnd = new Option<bool>("--with-frontend")
        {
            Description = "Write a clip-level model: input 'waveform' [1, samples] (one whole mono clip at the card's sample rate), "
                + "log-Mel, windowing, network, softmax and mean over windows all in the graph; outputs 'probabilities' [1, labels], "
                + "'window_probabilities' and 'window_logits' [windows, labels]. Runs in any ONNX Runtime, not in GenreClassifier",
        };
        var command = new Command("export", "Export a trained network to ONNX (opset 17) with its model card in the metadata, checked against TorchSharp before writing; or give an existing GenreML ONNX model the waveform front end")
        {
            checkpoint, model, output, withFrontEnd,
        };
        command.SetAction(parse =>
        {
            FileInfo? window = parse.GetValue(model);
            if ((window is null) == (parse.GetValue(checkpoint) is null) || (window is not null && !parse.GetValue(withFrontEnd)))
            {
                throw new UsageException("give either --checkpoint <run>, or --model <model.onnx> with --with-frontend");
            }

            try
            {
                if (window is not null)
                {
                    return ComposeFrontEnd(window, parse.GetValue(output));
                }

                using RunCheckpoint run = RunCheckpoint.Load(parse.GetValue(checkpoint)!);
                string path = parse.GetValue(output)?.FullName ?? Path.Combine(Path.GetDirectoryName(run.WeightsPath)!, RunFolder.ModelFile);
                if (parse.GetValue(withFrontEnd))
                {
                    new OnnxModelExporter().ExportClipLevel(run.Model, run.Card, path);
                    Console.WriteLine($"wrote {path} (clip-level: waveform [1, samples] at {run.Card.Features.SampleRate} Hz → probabilities [1, {run.Card.Labels.Count}]; "
                        + $"{run.Card.Architecture}, from {run.WeightsPath})");
                }
                else
                {
                    new OnnxModelExporter().Export(run.Model, run.Card, path);
                    Console.WriteLine($"wrote {path} ({run.Card.Architecture}, {run.Card.Labels.Count} labels, from {run.WeightsPath})");
                }

                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is InvalidDataException or OnnxExportException or IOException or ModelCardException or UnauthorizedAccessException)
            {
                throw new UsageException(e.Message, e);
            }
        });
        return command;
    }

    private static int ComposeFrontEnd(FileInfo window, FileInfo? output)
    {
        ModelLocator.Open(window.FullName, model => ModelContract.Load(model));
        string path = output?.FullName ?? Path.Combine(window.DirectoryName!, Path.GetFileNameWithoutExtension(window.Name) + ".waveform.onnx");
        ModelCard card = OnnxModelExporter.ComposeClipLevel(window.FullName, path);
        Console.WriteLine($"wrote {path} (clip-level: waveform [1, samples] at {card.Features.SampleRate} Hz → probabilities [1, {card.Labels.Count}]; {card.Architecture}, from {window.FullName})");
        return ExitCodes.Ok;
    }
}
