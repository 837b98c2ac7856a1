using System.CommandLine;
using GenreML.Inference.Cards;
using GenreML.Onnx.Inspection;

namespace GenreML.Cli.Commands;

/// <summary><c>genreml inspect</c>: what an ONNX model file holds — interface, opset, size and its model card.</summary>
internal static class InspectCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file" };
        var command = new Command("inspect", "Show an ONNX model's inputs, outputs, opset, node and parameter counts and its GenreML model card") { model };
        command.SetAction(parse =>
        {
            FileInfo file = parse.GetValue(model)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"error: {file.FullName}: no such file");
                return 2;
            }

            OnnxModelSummary summary;
            try
            {
                summary = OnnxModelInspector.Inspect(file.FullName);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            Print(file, summary);
            return PrintCard(file, summary) ? 0 : 1;
        });
        return command;
    }

    private static void Print(FileInfo file, OnnxModelSummary summary)
    {
        Console.WriteLine($"file        {file.FullName} ({file.Length / 1024.0:0.#} KiB)");
        Console.WriteLine($"producer    {summary.Producer}");
        Console.WriteLine($"ir version  {summary.IrVersion}; opsets {string.Join(", ", summary.Opsets.Select(o => $"{(o.Key.Length == 0 ? "ai.onnx" : o.Key)} {o.Value}"))}");
        Console.WriteLine($"graph       {summary.GraphName}: {summary.NodeCount} nodes, {summary.InitializerCount} initializers, {summary.ParameterCount:N0} parameters");
        foreach (OnnxValueSummary input in summary.Inputs)
        {
            Console.WriteLine($"input       {input}");
        }

        foreach (OnnxValueSummary output in summary.Outputs)
        {
            Console.WriteLine($"output      {output}");
        }

        Console.WriteLine("operators   " + string.Join(", ", summary.OperatorHistogram.OrderByDescending(o => o.Value).Select(o => $"{o.Key}×{o.Value}")));
    }

    private static bool PrintCard(FileInfo file, OnnxModelSummary summary)
    {
        if (!summary.Metadata.TryGetValue(ModelCard.MetadataKey, out string? json))
        {
            Console.WriteLine($"card        none (no '{ModelCard.MetadataKey}' metadata): GenreML cannot use this model");
            return false;
        }

        try
        {
            ModelCard card = ModelCard.FromJson(json, file.FullName);
            Console.WriteLine($"card        {card.Architecture}: {card.Labels.Count} labels ({string.Join(" ", card.Labels)}), window {card.WindowFrames} frames, hop {card.WindowHop}");
            Console.WriteLine(card.ToJson());
            return true;
        }
        catch (ModelCardException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return false;
        }
    }
}
