using GenreML.Core.IO;
using GenreML.Onnx.Proto;
using Google.Protobuf;

namespace GenreML.Onnx.Building;

/// <summary>Reads and atomically writes <c>.onnx</c> files.</summary>
public static class OnnxModelFile
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically (see <see cref="WriteBytes"/>).</summary>
    public static void Write(ModelProto model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        WriteBytes(model.ToByteArray(), path);
    }

    /// <summary>
    /// Writes serialised model bytes to <paramref name="path"/> atomically: into a temporary file in the same
    /// folder, then renamed over the destination, so readers never see a half-written model.
    /// </summary>
    public static void WriteBytes(ReadOnlySpan<byte> bytes, string path) => AtomicFile.WriteAllBytes(path, bytes);

    /// <summary>Reads an ONNX model; throws <see cref="InvalidDataException"/> naming the file if it does not parse.</summary>
    public static ModelProto Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"ONNX model '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses serialised model bytes; <paramref name="source"/> names them in errors.</summary>
    public static ModelProto Parse(byte[] bytes, string source = "(bytes)")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{source}: not an ONNX model ({e.Message}).", e);
        }

        if (model.Graph is null || model.OpsetImport.Count == 0)
        {
            throw new InvalidDataException($"{source}: not an ONNX model (no graph or no operator set).");
        }

        return model;
    }
}
