namespace GenreML.Onnx.Export;

/// <summary>
/// A model cannot be exported to ONNX exactly. <see cref="ModulePath"/> and <see cref="ModuleType"/> name the
/// offending module, e.g. <c>features.block2.attn (MyNamespace.Attention)</c>.
/// </summary>
public sealed class OnnxExportException : Exception
{
    /// <summary>An error about the model as a whole.</summary>
    public OnnxExportException(string message)
        : base(message)
    {
    }

    /// <summary>An error about the model as a whole, caused by <paramref name="inner"/>.</summary>
    public OnnxExportException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>An error about one module of the model.</summary>
    /// <param name="modulePath">The module's dotted path in the module tree; empty for the root.</param>
    /// <param name="moduleType">The module's .NET type.</param>
    /// <param name="reason">What is wrong.</param>
    public OnnxExportException(string modulePath, Type moduleType, string reason)
        : base($"{Describe(modulePath, moduleType)}: {reason}")
    {
        ModulePath = modulePath;
        ModuleType = moduleType;
    }

    /// <summary>The dotted module path (empty for the root), or <c>null</c> for errors about the whole model.</summary>
    public string? ModulePath { get; }

    /// <summary>The offending module's .NET type, or <c>null</c> for errors about the whole model.</summary>
    public Type? ModuleType { get; }

    /// <summary>Formats a module as <c>path (Full.Type.Name)</c>; the root is shown as <c>(root)</c>.</summary>
    public static string Describe(string modulePath, Type moduleType) =>
        $"{(modulePath.Length == 0 ? "(root)" : modulePath)} ({moduleType.FullName})";
}
