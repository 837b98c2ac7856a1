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

    /// <summary>A number option (invariant culture: <c>0.5</c>, <c>1e-3</c>) that may be left out (then null).</summary>
    public static Option<double?> OptionalNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string token = Token(result);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            {
                return value;
            }

            result.AddError($"{name}: '{token}' is not a number.");
            return null;
        },
    };

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
