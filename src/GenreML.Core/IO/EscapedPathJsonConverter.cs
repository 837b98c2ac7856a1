using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenreML.Core.IO;

/// <summary>
/// Serializes a path property so that a name that is not UTF-8 (<see cref="EscapedPath"/>) survives: escaped bytes
/// as <c>\uDCxx</c> (<see cref="EscapedPathText"/>), where System.Text.Json alone would write U+FFFD on the way out and
/// refuse the escape on the way in. Put <c>[JsonConverter(typeof(EscapedPathJsonConverter))]</c> on the property.
/// </summary>
public sealed class EscapedPathJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? EscapedPathText.ReadJson(ref reader) : throw new JsonException($"a path must be a JSON string, not {reader.TokenType}");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => EscapedPathText.WriteJsonValue(writer, value);
}
