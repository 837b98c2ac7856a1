using GenreML.Onnx.Proto;

namespace GenreML.Onnx.Building;

/// <summary>Reads and replaces entries of an ONNX model's <c>metadata_props</c> without touching its graph.</summary>
public static class OnnxMetadata
{
    /// <summary>The value under <paramref name="key"/>, or null when the model has none.</summary>
    public static string? Get(ModelProto model, string key)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.MetadataProps.FirstOrDefault(e => e.Key == key)?.Value;
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, replacing an existing entry in place or appending one.</summary>
    public static void Set(ModelProto model, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        StringStringEntryProto? entry = model.MetadataProps.FirstOrDefault(e => e.Key == key);
        if (entry is null)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        else
        {
            entry.Value = value;
        }
    }

    /// <summary>Rewrites the model file at <paramref name="path"/> with <paramref name="key"/> set to <paramref name="value"/>, atomically.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model.</exception>
    public static void SetInFile(string path, string key, string value)
    {
        ModelProto model = OnnxModelFile.Read(path);
        Set(model, key, value);
        OnnxModelFile.Write(model, path);
    }
}
