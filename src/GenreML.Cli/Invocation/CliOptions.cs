using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GenreML.Cli.Invocation;

/// <summary>Options with strict value parsing: a malformed or out-of-range value is a parse error (exit 2), never an exception.</summary>
internal static class CliOptions
{
    /// <summary>A whole-number option in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue, int min, int max = int.MaxValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWholeNumber(result, name, min, max) ?? defaultValue,
    };

    /// <summary>A whole-number option in [<paramref name="min"/>, <paramref name="max"/>] that may be left out (then null).</summary>
    public static Option<int?> OptionalWholeNumber(string name, string description, int min = int.MinValue, int max = int.MaxValue) => new(name)
    {
        Description = description,
        CustomParser = result => ParseWholeNumber(result, name, min, max),
    };

    /// <summary>
    /// A number option (invariant culture: <c>0.5</c>, <c>1e-3</c>) in [<paramref name="min"/>, <paramref name="max"/>]
    /// that may be left out (then null).
    /// </summary>
    public static Option<double?> OptionalNumber(string name, string description, double min = double.NegativeInfinity, double max = double.PositiveInfinity) => new(name)
    {
        Description = description,
        CustomParser = result => ParseNumber(result, name, min, max),
    };

    /// <summary>A probability option: a number from 0 to 1, <paramref name="defaultValue"/> when left out.</summary>
    public static Option<float> Probability(string name, string description, float defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => (float)(ParseNumber(result, name, 0, 1) ?? defaultValue),
    };

    /// <summary>
    /// Gives every number option of <paramref name="command"/> and its sub-commands (int, float, double, nullable or not)
    /// that has no parser of its own the same strict, invariant-culture parse: a malformed value is the parse error
    /// "<c>--name: 'x' is not a number</c>" (or "whole number"), not the parser library's type name.
    /// </summary>
    public static void StrictNumbers(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (Option option in command.Options)
        {
            switch (option)
            {
                case Option<int> whole when whole.CustomParser is null:
                    whole.CustomParser = result => ParseWholeNumber(result, whole.Name, int.MinValue, int.MaxValue) ?? 0;
                    break;
                case Option<int?> whole when whole.CustomParser is null:
                    whole.CustomParser = result => ParseWholeNumber(result, whole.Name, int.MinValue, int.MaxValue);
                    break;
                case Option<double> number when number.CustomParser is null:
                    number.CustomParser = result => ParseNumber(result, number.Name) ?? 0;
                    break;
                case Option<double?> number when number.CustomParser is null:
                    number.CustomParser = result => ParseNumber(result, number.Name);
                    break;
                case Option<float> number when number.CustomParser is null:
                    number.CustomParser = result => (float)(ParseNumber(result, number.Name) ?? 0);
                    break;
                case Option<float?> number when number.CustomParser is null:
                    number.CustomParser = result => (float?)ParseNumber(result, number.Name);
                    break;
            }
        }

        foreach (Command sub in command.Subcommands)
        {
            StrictNumbers(sub);
        }
    }

    private static double? ParseNumber(ArgumentResult result, string name, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        string token = Token(result);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            result.AddError($"{name}: '{token}' is not a number.");
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError(double.IsPositiveInfinity(max)
                ? string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min} (got {value}).")
                : string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max} (got {value})."));
        }

        return value;
    }

    private static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max)
    {
        string token = Token(result);
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            result.AddError($"{name}: '{token}' is not a whole number.");
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError(max == int.MaxValue ? $"{name} must be at least {min} (got {value})." : $"{name} must be between {min} and {max} (got {value}).");
        }

        return value;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
