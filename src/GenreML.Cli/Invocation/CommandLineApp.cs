using System.CommandLine;
using System.CommandLine.Parsing;
using GenreML.Cli.Commands;

namespace GenreML.Cli.Invocation;

/// <summary>
/// Runs a command line of either tool (<c>genreml</c> and <c>genreml-train</c>) with one policy for every command:
/// a parse error (unknown option, malformed or missing value; numbers are parsed by <see cref="CliOptions.StrictNumbers"/>) is one line on standard error and
/// <see cref="ExitCodes.Usage"/>; a <see cref="UsageException"/> thrown by a command is one line and <see cref="ExitCodes.Usage"/>.
/// </summary>
internal static class CommandLineApp
{
    /// <summary>Parses and runs a <c>genreml</c> command line (<paramref name="args"/>); returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(CommandCatalog.CreateRoot(), "genreml", args);

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> (the command tree of the tool called
    /// <paramref name="toolName"/>, which starts every error line) and runs the command; returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, string toolName, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        CliOptions.StrictNumbers(root);
        ParseResult parse = root.Parse(args);
        string name = CommandName(parse, toolName);
        string? error = parse.Errors.Count > 0 ? parse.Errors[0].Message : UnknownOptionLike(parse);
        if (error is not null && !HelpRequested(parse))
        {
            Console.Error.WriteLine($"{name}: {OneLine(error).TrimEnd('.')} (see {name} --help)");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"{name}: {OneLine(e.Message)}");
            return ExitCodes.Usage;
        }
    }

    private static string CommandName(ParseResult parse, string toolName)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                names.Insert(0, command.Command is RootCommand ? toolName : command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    /// <summary>A message of several lines (e.g. the choices of an option, one per line) as one.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool HelpRequested(ParseResult parse) =>
        parse.Tokens.Any(t => t.Type == TokenType.Option && t.Value is "--help" or "-h" or "-?");

    /// <summary>
    /// An argument token that looks like an option (<c>--thread</c>, <c>-x</c>) and names no existing file:
    /// a mistyped option that a path argument would otherwise swallow. <c>-</c> (standard input) and negative numbers pass.
    /// </summary>
    private static string? UnknownOptionLike(ParseResult parse)
    {
        foreach (Token token in parse.Tokens)
        {
            string value = token.Value;
            if (token.Type == TokenType.Argument && value.Length > 1 && value[0] == '-' && (char.IsLetter(value[1]) || value[1] == '-')
                && !File.Exists(value) && !Directory.Exists(value))
            {
                return $"unknown option '{value}'.";
            }
        }

        return null;
    }
}
