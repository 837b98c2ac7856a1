using System.CommandLine;
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
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                result.AddError($"{name}: '{token}' is not a whole number.");
                return defaultValue;
            }

            if (value < min || value > max)
            {
                result.AddError(max == int.MaxValue ? $"{name} must be at least {min} (got {value})." : $"{name} must be between {min} and {max} (got {value}).");
            }

            return value;
        },
    };
}
