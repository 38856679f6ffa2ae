using System.Buffers;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The email syntax sign-up and the other account flows accept: an RFC 5321 mailbox in dot-atom form
/// (no quoted local parts, no IP literals), at most 254 characters, internationalised letters allowed.
/// </summary>
internal static class EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;
    private const string AtextSymbols = "!#$%&'*+/=?^_`{|}~-";
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>
    /// The form in which the app stores and compares an email: trimmed and lower-cased, so that one mailbox is one
    /// account whether or not the pool's usernames are case-sensitive.
    /// </summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Returns null when <paramref name="email"/> is acceptable, else a message safe to show.</summary>
    public static string? Validate(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "Required.";
        }

        if (email.Length > MaxLength)
        {
            return $"Must be at most {MaxLength} characters.";
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || email.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return "Must be an email address such as name@example.com.";
        }

        var local = email.AsSpan(0, at);
        var domain = email.AsSpan(at + 1);
        return IsDotAtom(local) && local.Length <= MaxLocalPartLength && IsDomain(domain)
            ? null
            : "Must be an email address such as name@example.com.";
    }

    private static bool IsDotAtom(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!(c == '.' || char.IsAsciiLetterOrDigit(c) || AtextSymbols.Contains(c, StringComparison.Ordinal) || (c > 127 && char.IsLetterOrDigit(c))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        var lastLabelAllDigits = false;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(c == '-' || char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c))))
                {
                    return false;
                }
            }

            lastLabelAllDigits = !label.ContainsAnyExcept(Digits);
            labels++;
        }

        return labels >= 2 && !lastLabelAllDigits;
    }
}
