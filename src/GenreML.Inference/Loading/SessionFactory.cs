using Microsoft.ML.OnnxRuntime;

namespace GenreML.Inference.Loading;

/// <summary>Builds ONNX Runtime sessions from <see cref="GenreClassifierOptions"/>, falling back from CUDA to the CPU with a warning.</summary>
internal static class SessionFactory
{
    /// <summary>Opens <paramref name="model"/> (an ONNX file's bytes) named <paramref name="source"/> in errors.</summary>
    /// <exception cref="InvalidDataException">ONNX Runtime cannot load the bytes as a model.</exception>
    public static InferenceSession Open(byte[] model, string source, GenreClassifierOptions options, List<string> warnings, out ExecutionDevice device)
    {
        using SessionOptions sessionOptions = Build(options, warnings, out device);
        try
        {
            return new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{source}: ONNX Runtime cannot load the model: {e.Message}", e);
        }
    }

    private static SessionOptions Build(GenreClassifierOptions options, List<string> warnings, out ExecutionDevice device)
    {
        var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (options.IntraOpThreads is int intra)
        {
            sessionOptions.IntraOpNumThreads = intra;
        }

        if (options.InterOpThreads is int inter)
        {
            sessionOptions.InterOpNumThreads = inter;
            sessionOptions.ExecutionMode = inter > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL;
        }

        device = ExecutionDevice.Cpu;
        if (options.Device == ExecutionDevice.Cuda)
        {
            // ONNX Runtime would also log the failed load of its CUDA provider on standard error; the warning below says it
            // once, with advice, so its own logger stays quiet while the provider is tried (this is process-wide, briefly).
            OrtEnv environment = OrtEnv.Instance();
            OrtLoggingLevel logLevel = environment.EnvLogLevel;
            environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                sessionOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                device = ExecutionDevice.Cuda;
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                warnings.Add(
                    $"The CUDA execution provider (device {options.CudaDeviceId}) is not available, so the model runs on the CPU. " +
                    $"{CudaAdvice()} ONNX Runtime said: {e.Message}");
            }
            finally
            {
                environment.EnvLogLevel = logLevel;
            }
        }

        return sessionOptions;
    }

    /// <summary>
    /// What to do about a missing CUDA provider, which depends on the native ONNX Runtime the app was built with:
    /// the GPU build lists the CUDA provider among its providers even when CUDA itself cannot be loaded.
    /// </summary>
    private static string CudaAdvice() =>
        OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider")
            ? "This app has the GPU build of ONNX Runtime, but CUDA could not be loaded: it needs an NVIDIA GPU and driver, "
                + "and the CUDA 13 runtime and cuDNN 9 libraries on the library search path."
            : "This app has the CPU build of ONNX Runtime: for CUDA, reference Microsoft.ML.OnnxRuntime.Gpu instead of "
                + "Microsoft.ML.OnnxRuntime (GenreML.Inference itself needs only Microsoft.ML.OnnxRuntime.Managed).";
}
