using System.Buffers.Binary;
using System.Text.Json;

namespace GenreML.Audio.Tests.Fixtures;

/// <summary>Reads the parity fixtures written by make_fixtures.py (copied next to the test assembly).</summary>
internal static class FixtureFiles
{
    private static readonly Lazy<JsonElement> ManifestRoot = new(() =>
        JsonDocument.Parse(File.ReadAllText(PathOf("manifest.json"))).RootElement);

    /// <summary>The parsed manifest.json.</summary>
    public static JsonElement Manifest => ManifestRoot.Value;

    /// <summary>Full path of a fixture file.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>int16 PCM as floats value/32768, exactly as the script produced them.</summary>
    public static float[] ReadPcm16(string name)
    {
        byte[] bytes = File.ReadAllBytes(PathOf(name));
        var samples = new float[bytes.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i)) / 32768f;
        }

        return samples;
    }

    /// <summary>Little-endian float32 values.</summary>
    public static float[] ReadFloat32(string name)
    {
        byte[] bytes = File.ReadAllBytes(PathOf(name));
        var values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i));
        }

        return values;
    }
}
