using System.CommandLine;

namespace GenreML.Cli.Commands;

/// <summary>The sub-commands of <c>genreml</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>Creates every sub-command.</summary>
    public static IEnumerable<Command> All()
    {
        yield return DemoDataCommand.Create();
    }
}
