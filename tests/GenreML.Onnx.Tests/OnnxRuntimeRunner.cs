using Microsoft.ML.OnnxRuntime;

namespace GenreML.Onnx.Tests;

/// <summary>Runs serialised ONNX models in ONNX Runtime for the tests.</summary>
internal sealed class OnnxRuntimeRunner : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxRuntimeRunner(byte[] model) => _session = new InferenceSession(model);

    public InferenceSession Session => _session;

    public (float[] Values, long[] Shape) Run(float[] input, long[] shape, string inputName = "logmel", string outputName = "logits")
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var options = new RunOptions();
        using var outputs = _session.Run(options, [inputName], [value], [outputName]);
        var info = outputs[0].GetTensorTypeAndShape();
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), info.Shape);
    }

    public void Dispose() => _session.Dispose();
}
