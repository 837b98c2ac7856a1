using System.Runtime.InteropServices;
using System.Text;
using GenreML.Core.IO;

namespace GenreML.Testing;

/// <summary>Files whose names are not valid UTF-8 (Unix only: .NET cannot create them itself).</summary>
internal static class RawFileNames
{
    /// <summary>The escaped path (<see cref="EscapedPath"/>) of <paramref name="folder"/>/<paramref name="before"/>, byte 0xE9, <paramref name="after"/>: e.g. <c>caf\xE9.wav</c>, Latin-1 "café".</summary>
    public static string Latin1(string folder, string before, string after) =>
        Path.Join(folder, EscapedPath.FromBytes([.. Encoding.UTF8.GetBytes(before), 0xE9, .. Encoding.UTF8.GetBytes(after)]));

    /// <summary>Renames the ordinary file <paramref name="source"/> to <paramref name="escapedTarget"/> (raw bytes restored).</summary>
    public static void MoveTo(string source, string escapedTarget)
    {
        if (Rename([.. Encoding.UTF8.GetBytes(source), 0], [.. EscapedPath.ToBytes(escapedTarget), 0]) != 0)
        {
            throw new IOException($"rename to {EscapedPath.ForDisplay(escapedTarget)} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Deletes <paramref name="folder"/> and everything in it (.NET cannot delete what it cannot name: <c>rm -rf</c> can).</summary>
    public static void DeleteTree(string folder)
    {
        using var rm = System.Diagnostics.Process.Start("rm", ["-rf", "--", folder]);
        rm.WaitForExit();
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(byte[] from, byte[] to);
}
