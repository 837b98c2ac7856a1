using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenreML.Core.IO;

/// <summary>
/// How a path that may hold escaped bytes (<see cref="EscapedPath"/>) is written in text files that must stay valid
/// UTF-8, so that it reads back exactly. JSON: the standard <c>\uDCxx</c> escape of each escaped byte (what Python's
/// <c>json</c> reads back as the same surrogateescape string, and what most viewers show as U+FFFD); System.Text.Json
/// refuses to write or read lone surrogates, hence <see cref="WriteJson"/> / <see cref="ReadJson(JsonElement)"/> and <see cref="EscapedPathJsonConverter"/>. Plain text (CSV):
/// each escaped byte as the six characters <c>\uDCxx</c>, and a backslash that would otherwise start such a sequence
/// (a <c>\u</c> followed by four hex digits) as <c>\u005C</c>; paths without either are written unchanged.
/// </summary>
public static class EscapedPathText
{
    /// <summary>Writes the property <paramref name="name"/> with the string <paramref name="path"/>, escaped bytes as <c>\uDCxx</c>.</summary>
    public static void WriteJson(Utf8JsonWriter json, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(name);
        WriteJsonValue(json, path);
    }

    /// <summary>Writes the string value <paramref name="path"/>, escaped bytes as <c>\uDCxx</c>.</summary>
    public static void WriteJsonValue(Utf8JsonWriter json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        if (!EscapedPath.IsEscaped(path))
        {
            json.WriteStringValue(path);
            return;
        }

        var literal = new StringBuilder(path.Length + 16).Append('"');
        int start = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && !EscapedPath.IsEscapeAt(path, i))
            {
                continue;
            }

            literal.Append(JsonEncodedText.Encode(path.AsSpan(start, i - start)).Value);
            if (i < path.Length)
            {
                literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)path[i]:X4}");
            }

            start = i + 1;
        }

        json.WriteRawValue(literal.Append('"').ToString(), skipInputValidation: true);
    }

    /// <summary>The string of a JSON string <paramref name="element"/>, lone <c>\uDCxx</c> escapes kept as lone surrogates.</summary>
    /// <exception cref="InvalidOperationException">The element is not a string.</exception>
    public static string ReadJson(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            return Unescape(element.GetRawText());
        }
    }

    /// <summary>The string token <paramref name="reader"/> is on, lone <c>\uDCxx</c> escapes kept as lone surrogates.</summary>
    /// <exception cref="InvalidOperationException">The token is not a string.</exception>
    public static string ReadJson(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence)
        {
            return Unescape('"' + Encoding.UTF8.GetString(reader.ValueSpan) + '"');
        }
    }

    /// <summary>The plain-text (CSV) form of <paramref name="path"/>; <see cref="FromText"/> reverses it.</summary>
    public static string ToText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = new StringBuilder(path.Length);
        for (int i = 0; i < path.Length; i++)
        {
            if (EscapedPath.IsEscapeAt(path, i))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)path[i]:X4}");
            }
            else if (path[i] == '\\' && HexEscapeAt(path, i) is not null)
            {
                text.Append("\\u005C");
            }
            else
            {
                text.Append(path[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>The path written as <paramref name="text"/> by <see cref="ToText"/>.</summary>
    public static string FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return text;
        }

        var path = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && HexEscapeAt(text, i) is int code && (code == '\\' || code is >= 0xDC80 and <= 0xDCFF))
            {
                path.Append((char)code);
                i += 5;
            }
            else
            {
                path.Append(text[i]);
            }
        }

        return path.ToString();
    }

    /// <summary>The value of the <c>\uXXXX</c> at <paramref name="i"/>, or null when there is none.</summary>
    private static int? HexEscapeAt(string text, int i) =>
        i + 6 <= text.Length && text[i] == '\\' && text[i + 1] == 'u'
            && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) ? code : null;

    /// <summary>Decodes a JSON string literal (with its quotes), keeping lone surrogates.</summary>
    private static string Unescape(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (int i = 1; i < literal.Length - 1; i++)
        {
            char c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            char kind = literal[++i];
            if (kind == 'u')
            {
                text.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 4;
                continue;
            }

            text.Append(kind switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => kind, // " \ /
            });
        }

        return text.ToString();
    }
}
