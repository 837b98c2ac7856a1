using GenreML.Core.Runs;
using System.CommandLine;
using GenreML.Onnx.Export;
using GenreML.Training.Export;
using GenreML.Training.Runs;

namespace GenreML.Cli.Commands;

/// <summary><c>genreml export</c>: writes a trained run's network as a self-describing ONNX model.</summary>
internal static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "A run folder written by 'genreml train' (its best weights) or a weights file inside one", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "The .onnx file to write (default: model.onnx in the run folder)" };
        var withFrontEnd = new Option<bool>("--with-frontend")
        {
            Description = "Write a clip-level model: input 'waveform' [1, samples] (one whole mono clip at the card's sample rate), "
                + "log-Mel, windowing, network, softmax and mean over windows all in the graph; outputs 'probabilities' [1, labels], "
                + "'window_probabilities' and 'window_logits' [windows, labels]. Runs in any ONNX Runtime, not in GenreClassifier",
        };
        var command = new Command("export", "Export a trained network to ONNX (opset 17) with its model card in the metadata, checked against TorchSharp before writing")
        {
            checkpoint, output, withFrontEnd,
        };
        command.SetAction(parse =>
        {
            try
            {
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

                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or OnnxExportException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
