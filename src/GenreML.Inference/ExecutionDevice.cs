namespace GenreML.Inference;

/// <summary>Where ONNX Runtime runs the network.</summary>
public enum ExecutionDevice
{
    /// <summary>The CPU execution provider (always available).</summary>
    Cpu,

    /// <summary>
    /// The CUDA execution provider. It exists only when the app references the GPU build of ONNX Runtime
    /// (<c>Microsoft.ML.OnnxRuntime.Gpu</c>) instead of <c>Microsoft.ML.OnnxRuntime</c> and a CUDA device is present;
    /// otherwise the classifier falls back to the CPU and says why in <see cref="GenreClassifier.Warnings"/>.
    /// </summary>
    Cuda,
}
