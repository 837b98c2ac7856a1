using System.Text;
using GenreML.Core.IO;

namespace GenreML.Cli.Invocation;

/// <summary>
/// Command-line arguments as the file system names them. .NET decodes arguments as UTF-8 and turns invalid bytes
/// into U+FFFD, so a file name that is not UTF-8 given on the command line (e.g. the shell's expansion of
/// <c>caf*.wav</c>) would name nothing. On Linux the raw arguments are in <c>/proc/self/cmdline</c>: an argument
/// holding U+FFFD whose raw bytes decode to exactly it is replaced by its escaped string (<see cref="EscapedPath"/>),
/// which every command opens.
/// </summary>
internal static class RawArguments
{
    /// <summary><paramref name="args"/> with each lossily decoded argument restored from this process's raw command line.</summary>
    public static string[] Restore(string[] args)
    {
        if (!OperatingSystem.IsLinux() || !args.Any(Lossy))
        {
            return args;
        }

        try
        {
            return Restore(args, File.ReadAllBytes("/proc/self/cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return args;
        }
    }

    /// <summary>
    /// <paramref name="args"/> restored from <paramref name="commandLine"/> (NUL-terminated arguments, the host's own
    /// first: the last <c>args.Length</c> are ours). An argument is replaced only when the raw one decodes to it.
    /// </summary>
    internal static string[] Restore(string[] args, ReadOnlySpan<byte> commandLine)
    {
        var raw = new List<byte[]>();
        while (!commandLine.IsEmpty)
        {
            int end = commandLine.IndexOf((byte)0);
            raw.Add(commandLine[..(end < 0 ? commandLine.Length : end)].ToArray());
            commandLine = end < 0 ? [] : commandLine[(end + 1)..];
        }

        if (raw.Count < args.Length)
        {
            return args;
        }

        string[] restored = [.. args];
        int offset = raw.Count - args.Length;
        for (int i = 0; i < args.Length; i++)
        {
            byte[] bytes = raw[offset + i];
            if (Lossy(args[i]) && Encoding.UTF8.GetString(bytes) == args[i])
            {
                restored[i] = EscapedPath.FromBytes(bytes);
            }
        }

        return restored;
    }

    private static bool Lossy(string argument) => argument.Contains('\uFFFD', StringComparison.Ordinal);
}
