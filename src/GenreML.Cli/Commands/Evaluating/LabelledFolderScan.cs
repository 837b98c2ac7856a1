using System.Text.Json;
using GenreML.Cli.Invocation;
using GenreML.MLNet.Data;
using GenreML.MLNet.Library;

namespace GenreML.Cli.Commands.Evaluating;

/// <summary>
/// The clips of a real labelled folder <c>&lt;root&gt;/&lt;genre&gt;/…</c> for <c>evaluate</c>: folder names match the
/// model's labels case-insensitively, after an optional <c>--label-map</c> (folder name → label); files lying
/// directly in the root and folders that name no label are skipped and reported (with <c>--strict</c> they stop the run).
/// </summary>
internal sealed class LabelledFolderScan
{
    private readonly List<(string Path, string Reason)> _skipped = [];

    /// <summary>The clips to evaluate, labelled with the model's own spelling of the label.</summary>
    public List<AudioClipEntry> Clips { get; } = [];

    /// <summary>What was left out and why.</summary>
    public IReadOnlyList<(string Path, string Reason)> Skipped => _skipped;

    /// <summary>The walker (for its own skip reasons: not audio, loops…).</summary>
    public LibraryWalker Walker { get; } = new();

    /// <summary>Scans <paramref name="root"/> against <paramref name="labels"/>.</summary>
    public static LabelledFolderScan Run(string root, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> labelMap)
    {
        var scan = new LabelledFolderScan();
        var byName = labels.ToDictionary(l => l, l => l, StringComparer.OrdinalIgnoreCase);
        foreach (LibraryFile file in scan.Walker.Walk([root]))
        {
            int slash = file.RelativePath.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                scan._skipped.Add((file.Path, "not in a genre folder (<root>/<genre>/…)"));
                continue;
            }

            string folder = file.RelativePath[..slash];
            string wanted = labelMap.TryGetValue(folder, out string? mapped) ? mapped : folder;
            if (!byName.TryGetValue(wanted, out string? label))
            {
                scan._skipped.Add((file.Path, $"folder '{folder}' is not one of the model's labels ({string.Join(", ", labels)}); map it with --label-map"));
                continue;
            }

            scan.Clips.Add(new AudioClipEntry(file.Path, label));
        }

        return scan;
    }

    /// <summary>Reads a <c>--label-map</c> JSON object, folder name → model label (keys match case-insensitively).</summary>
    /// <exception cref="UsageException">The file is missing or not a JSON object of strings.</exception>
    public static IReadOnlyDictionary<string, string> ReadLabelMap(string? path)
    {
        if (path is null)
        {
            return new Dictionary<string, string>();
        }

        try
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
                ?? throw new JsonException("the file holds null");
            return new Dictionary<string, string>(map, StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"--label-map '{path}': {e.Message.Split('\n')[0]} (expected a JSON object such as {{\"Hip-Hop\": \"hiphop\"}}).", e);
        }
    }
}
