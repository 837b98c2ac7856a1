using GenreML.Onnx.Building;
using GenreML.Onnx.Proto;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Onnx.Quantization;

/// <summary>
/// Measures, in ONNX Runtime, the range of every value <see cref="Int8Quantizer"/> quantises (the inputs of the
/// convolutions and the outputs of the ReLUs) over calibration windows: the model is run with those values added
/// as outputs, a batch of windows at a time.
/// </summary>
public static class ActivationRanges
{
    /// <summary>
    /// The min/max of each value <see cref="Int8Quantizer.ValuesToMeasure"/> names, over <paramref name="windows"/>
    /// (each <paramref name="bands"/> × <paramref name="frames"/> values, fed to <paramref name="inputName"/> as
    /// <c>[batch, 1, bands, frames]</c>).
    /// </summary>
    /// <exception cref="ArgumentException">No windows, or a window of the wrong length.</exception>
    /// <exception cref="InvalidDataException">ONNX Runtime cannot load or run the model.</exception>
    public static IReadOnlyDictionary<string, ActivationRange> Measure(
        ModelProto model, string inputName, int bands, int frames, IEnumerable<float[]> windows, int batchSize = 16)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        IReadOnlyList<string> values = Int8Quantizer.ValuesToMeasure(model);
        ModelProto probe = model.Clone();
        foreach (string value in values.Where(v => probe.Graph.Output.All(o => o.Name != v)))
        {
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = value,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)OnnxElementType.Float } },
            });
        }

        var ranges = values.ToDictionary(v => v, _ => ActivationRange.Empty);
        InferenceSession session;
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1 };
            session = new InferenceSession(probe.ToByteArray(), options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"ONNX Runtime cannot load the model to measure its activations: {e.Message}", e);
        }

        int length = bands * frames;
        int seen = 0;
        using (session)
        {
            var batch = new List<float[]>(batchSize);
            foreach (float[] window in windows)
            {
                if (window is null || window.Length != length)
                {
                    throw new ArgumentException($"window {seen} has {window?.Length ?? 0} values, expected {bands} × {frames} = {length}", nameof(windows));
                }

                batch.Add(window);
                seen++;
                if (batch.Count == batchSize)
                {
                    Run(session, inputName, bands, frames, batch, values, ranges);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                Run(session, inputName, bands, frames, batch, values, ranges);
            }
        }

        if (seen == 0)
        {
            throw new ArgumentException("no calibration windows: the activation ranges need at least one", nameof(windows));
        }

        return ranges;
    }

    private static void Run(InferenceSession session, string inputName, int bands, int frames, List<float[]> batch,
        IReadOnlyList<string> values, Dictionary<string, ActivationRange> ranges)
    {
        var data = new float[batch.Count * bands * frames];
        for (int i = 0; i < batch.Count; i++)
        {
            batch[i].CopyTo(data, i * bands * frames);
        }

        using OrtValue input = OrtValue.CreateTensorValueFromMemory(data, [batch.Count, 1, bands, frames]);
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, [inputName], [input], values.ToArray());
        for (int i = 0; i < values.Count; i++)
        {
            ranges[values[i]] = ranges[values[i]].Widen(outputs[i].GetTensorDataAsSpan<float>());
        }
    }
}
