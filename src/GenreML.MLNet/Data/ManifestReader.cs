namespace GenreML.MLNet.Data;

/// <summary>
/// Reads a manifest CSV lazily: one <c>path,label</c> per line, an optional header <c>path,label</c>,
/// fields optionally in double quotes (<c>""</c> for a quote), relative paths taken from the manifest's folder.
/// </summary>
internal static class ManifestReader
{
    public static IEnumerable<AudioClipEntry> Read(string manifest)
    {
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifest)) ?? ".";
        int lineNumber = 0;
        foreach (string line in File.ReadLines(manifest))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            List<string> fields = SplitCsv(line, manifest, lineNumber);
            if (fields.Count != 2)
            {
                throw new InvalidDataException($"{manifest} line {lineNumber}: expected 2 fields 'path,label', got {fields.Count}.");
            }

            if (lineNumber == 1 && fields[0].Equals("path", StringComparison.OrdinalIgnoreCase) && fields[1].Equals("label", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new InvalidDataException($"{manifest} line {lineNumber}: the {(fields[0].Length == 0 ? "path" : "label")} is empty.");
            }

            yield return new AudioClipEntry(System.IO.Path.GetFullPath(fields[0], folder), fields[1]);
        }
    }

    private static List<string> SplitCsv(string line, string manifest, int lineNumber)
    {
        var fields = new List<string>(2);
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{manifest} line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
