using System.Globalization;
using System.Text;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Text a client sent, made fit for a log line: quoted, at most <see cref="MaxCharacters"/> characters of it, and every
/// character outside printable ASCII written as a <c>\uXXXX</c> escape, so that it can neither end the line nor forge
/// another one (CR, LF, U+2028), hide behind direction overrides, or pass for a trusted value with look-alike letters.
/// </summary>
internal static class LogText
{
    /// <summary>How many characters of the value are kept; a Cognito issuer has about 70.</summary>
    public const int MaxCharacters = 200;

    /// <summary>The value as a quoted, escaped, bounded string; <c>(none)</c> for null.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var kept = value.AsSpan(0, Math.Min(value.Length, MaxCharacters));
        var text = new StringBuilder(kept.Length + 2).Append('"');
        foreach (var c in kept)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c is >= ' ' and <= '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        text.Append('"');
        if (value.Length > kept.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"... ({value.Length - kept.Length} more characters)");
        }

        return text.ToString();
    }
}
