using System.Diagnostics;
using System.Globalization;
using GenreML.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreML.Cli.Bench;

/// <summary>
/// <c>genreml bench seed-speed</c>: seconds per training epoch of the <c>seed</c> network in TorchSharp, on
/// random 1×128×862 inputs with random labels, Adam 1e-3, batch 32 — the same loop as
/// <c>bench/seed_pytorch.py</c>, so the two frameworks are compared on identical work. The first epoch is
/// reported apart as warm-up; the figure is the mean of the others. Then, when Debian's PyTorch is
/// installed, it runs that script with the same settings and prints both.
/// </summary>
internal static class SeedSpeedBench
{
    private const string ScriptPath = "bench/seed_pytorch.py";

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    public static int Run(int examples, int epochs, int threads, TextWriter output, CancellationToken cancel)
    {
        const int Batch = 32, Mels = 128, Frames = 862, Classes = 10;
        if (threads > 0) torch.set_num_threads(threads);
        manual_seed(1);
        using var x = randn(examples, 1, Mels, Frames);
        using var y = randint(0, Classes, [examples]);
        using var model = new SeedNet(Classes, Mels, Frames);
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var times = new List<double>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            model.train();
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var order = randperm(examples);
                for (int first = 0; first + 2 <= examples; first += Batch)
                {
                    cancel.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var index = order.narrow(0, first, Math.Min(Batch, examples - first));
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(x.index_select(0, index)), y.index_select(0, index));
                    loss.backward();
                    optimizer.step();
                }
            }

            times.Add(clock.Elapsed.TotalSeconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {times[^1]:F2} s ({times[^1] / examples * 1000:F1} ms per example)"));
        }

        var steady = times.Count > 1 ? times.Skip(1).ToList() : times;
        double perEpoch = steady.Average();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TorchSharp {typeof(torch).Assembly.GetName().Version}, {torch.get_num_threads()} threads: {perEpoch:F2} s per epoch of {examples} examples ({perEpoch / examples * 1000:F1} ms per example; first epoch {times[0]:F2} s)"));
        RunPyTorch(examples, epochs, threads, output);
        return 0;
    }

    private static void RunPyTorch(int examples, int epochs, int threads, TextWriter output)
    {
        PythonRun? run = PythonReference.TryRun(ScriptPath, "--n", $"{examples}", "--epochs", $"{epochs}", "--threads", $"{threads}");
        if (run is null)
        {
            output.WriteLine($"PyTorch: not compared (needs {PythonReference.Interpreter} with Debian's python3-torch and {ScriptPath})");
            return;
        }

        string? summary = run.Output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        output.WriteLine(run.ExitCode == 0 && summary is not null
            ? $"PyTorch: {summary}"
            : $"PyTorch: the script failed (exit {run.ExitCode}): {run.Errors.Trim()}");
    }
}
