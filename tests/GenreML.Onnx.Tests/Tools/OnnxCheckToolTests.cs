using System.Diagnostics;
using GenreML.Onnx.Export;
using GenreML.Testing;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests.Tools;

/// <summary>
/// tools/onnx_check.py runs ONNX's reference checker; it must leave the file it checks byte for byte as it was
/// (onnx 1.12's check_model(path, full_check=True) wrote the shape-inferred model back). Needs Debian's
/// /usr/bin/python3 with python3-onnx, and is skipped without it.
/// </summary>
public sealed class OnnxCheckToolTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _folder = Directory.CreateTempSubdirectory("genreml-onnx-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void Checks_an_exported_model_and_leaves_the_file_unchanged()
    {
        string? tool = Repository.File(Path.Combine("tools", "onnx_check.py"));
        Skip.If(tool is null, "tools/onnx_check.py is not next to the test binaries' checkout");
        Skip.IfNot(Run("-c \"import onnx\"").ExitCode == 0, $"{Python} has no onnx module (apt-get install python3-onnx)");

        string model = Path.Combine(_folder, "model.onnx");
        OnnxExporter.Export(
            Sequential(("conv", Conv2d(1, 2, 3, padding: 1)), ("relu", ReLU()), ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("head", Linear(2, 3))),
            model,
            Parity.Options());
        byte[] before = File.ReadAllBytes(model);
        DateTime written = File.GetLastWriteTimeUtc(model);

        (int exitCode, string output) = Run($"\"{tool}\" \"{model}\"");

        Assert.True(exitCode == 0, output);
        Assert.Contains("OK   " + model, output);
        Assert.Equal(before, File.ReadAllBytes(model));
        Assert.Equal(written, File.GetLastWriteTimeUtc(model));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [SkippableFact]
    public void A_file_that_is_not_a_model_fails_with_its_name()
    {
        string? tool = Repository.File(Path.Combine("tools", "onnx_check.py"));
        Skip.If(tool is null, "tools/onnx_check.py is not next to the test binaries' checkout");
        Skip.IfNot(Run("-c \"import onnx\"").ExitCode == 0, $"{Python} has no onnx module (apt-get install python3-onnx)");
        string junk = Path.Combine(_folder, "junk.onnx");
        File.WriteAllBytes(junk, [0xFF, 0xFF, 0xFF, 0x01]);

        (int exitCode, string output) = Run($"\"{tool}\" \"{junk}\"");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL " + junk, output);
    }

    private static (int ExitCode, string Output) Run(string arguments)
    {
        if (!File.Exists(Python))
        {
            return (-1, $"{Python} does not exist");
        }

        var start = new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
