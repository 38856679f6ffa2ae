namespace CognitoFunctions.Accounts;

/// <summary>
/// The pool's password policy, checked before calling Cognito so a client gets every unmet rule at once as field
/// errors (Cognito enforces it again; cognito-local does not enforce it at all).
/// </summary>
internal sealed record PasswordPolicy(int MinimumLength, bool RequireLowercase, bool RequireUppercase, bool RequireNumbers, bool RequireSymbols)
{
    /// <summary>Cognito's upper bound on a password's length.</summary>
    public const int MaxLength = 256;

    /// <summary>The special characters Cognito counts as symbols (a space counts when not leading or trailing).</summary>
    public const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    /// <summary>aws-cognito.yaml's defaults.</summary>
    public static PasswordPolicy Default { get; } = new(8, true, true, true, true);

    /// <summary>Every rule <paramref name="password"/> breaks, as messages safe to show; empty when it complies.</summary>
    public IReadOnlyList<string> Check(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["Required."];
        }

        var problems = new List<string>();
        if (password.Length < MinimumLength)
        {
            problems.Add($"Must be at least {MinimumLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            problems.Add($"Must be at most {MaxLength} characters.");
        }

        if (char.IsWhiteSpace(password[0]) || char.IsWhiteSpace(password[^1]))
        {
            problems.Add("Must not begin or end with a space.");
        }

        if (password.Any(char.IsControl))
        {
            problems.Add("Must not contain control characters.");
        }

        if (RequireLowercase && !password.Any(char.IsAsciiLetterLower))
        {
            problems.Add("Must contain a lowercase letter.");
        }

        if (RequireUppercase && !password.Any(char.IsAsciiLetterUpper))
        {
            problems.Add("Must contain an uppercase letter.");
        }

        if (RequireNumbers && !password.Any(char.IsAsciiDigit))
        {
            problems.Add("Must contain a number.");
        }

        if (RequireSymbols && !password.Any(c => Symbols.Contains(c, StringComparison.Ordinal)))
        {
            problems.Add("Must contain a symbol such as ! @ # $ % - _.");
        }

        return problems;
    }
}
