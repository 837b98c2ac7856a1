using System.Buffers;
using System.Text;
using System.Text.Json;
using GenreML.Core.IO;

namespace GenreML.Core.Tests.IO;

public sealed class EscapedPathTests
{
    [Fact]
    public void Invalid_bytes_become_lone_surrogates_and_come_back()
    {
        byte[] raw = [.. "caf"u8, 0xE9, .. "/\u00e9t\u00e9 "u8, 0xFF, 0xC3, .. ".wav"u8];

        string path = EscapedPath.FromBytes(raw);

        Assert.Equal("caf\uDCE9/\u00e9t\u00e9 \uDCFF\uDCC3.wav", path);
        Assert.True(EscapedPath.IsEscaped(path));
        Assert.Equal(raw, EscapedPath.ToBytes(path));
        Assert.Equal("caf\uFFFD/\u00e9t\u00e9 \uFFFD\uFFFD.wav", EscapedPath.ForDisplay(path));
    }

    [Theory]
    [InlineData("plain/caf\u00e9.wav")]
    [InlineData("emoji \U0001F3B5 and a real U+FFFD \uFFFD.mp3")]
    public void A_valid_name_is_left_as_it_is(string path)
    {
        Assert.False(EscapedPath.IsEscaped(path));
        Assert.Equal(path, EscapedPath.FromBytes(Encoding.UTF8.GetBytes(path)));
        Assert.Equal(Encoding.UTF8.GetBytes(path), EscapedPath.ToBytes(path));
        Assert.Same(path, EscapedPath.ForDisplay(path));
    }

    [Fact]
    public void UTF8_encoded_surrogates_are_invalid_bytes_so_they_are_escaped_byte_by_byte()
    {
        byte[] raw = [0xED, 0xB3, 0xA9];
        Assert.Equal("\uDCED\uDCB3\uDCA9", EscapedPath.FromBytes(raw));
        Assert.Equal(raw, EscapedPath.ToBytes(EscapedPath.FromBytes(raw)));
    }

    [Fact]
    public void JSON_writes_each_escaped_byte_as_a_u_escape_and_reads_it_back()
    {
        string path = "/m/\"caf\uDCE9\" \u00e9\\x.wav";
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            EscapedPathText.WriteJson(json, "path", path);
            json.WriteEndObject();
        }

        string line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal("{\"path\":\"/m/\\u0022caf\\uDCE9\\u0022 \\u00E9\\\\x.wav\"}", line);
        using var document = JsonDocument.Parse(line);
        Assert.Equal(path, EscapedPathText.ReadJson(document.RootElement.GetProperty("path")));
    }

    [Fact]
    public void Plain_text_escapes_bytes_and_only_the_backslashes_that_would_read_as_escapes()
    {
        // (Lone surrogates cannot go through [InlineData]: attribute strings are stored as UTF-8.)
        (string Path, string Text)[] cases =
        [
            ("/m/caf\uDCE9.wav", "/m/caf\\uDCE9.wav"),
            ("C:\\music\\udc80.wav", "C:\\music\\u005Cudc80.wav"),
            ("C:\\users\\x.wav", "C:\\users\\x.wav"),
            ("a\\u005C\uDC80", "a\\u005Cu005C\\uDC80"),
        ];
        foreach (var (path, text) in cases)
        {
            Assert.Equal(text, EscapedPathText.ToText(path));
            Assert.Equal(path, EscapedPathText.FromText(text));
        }
    }
}
