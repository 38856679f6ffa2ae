using CognitoFunctions.Accounts;

namespace CognitoFunctions.Http;

/// <summary>What a field's check may need beyond the field: the pool's password policy, the app client's secret.</summary>
internal sealed record FieldContext
{
    public static FieldContext None { get; } = new();

    /// <summary>The pool's password policy, for a field that sets a new password.</summary>
    public PasswordPolicy? PasswordPolicy { get; init; }

    /// <summary>The app client has a secret, so Cognito needs the username with a refresh token.</summary>
    public bool ClientHasSecret { get; init; }
}

/// <summary>
/// One field of a JSON request body and the rules its value must meet, declared once beside the request: the
/// request validation checks them (<see cref="Check"/>) and the OpenAPI schema states them (required, lengths,
/// format, description), so the two cannot disagree.
/// </summary>
internal sealed class FieldRule
{
    private const string Required = "Required.";

    private readonly Func<string?, FieldContext, IReadOnlyList<string>> _check;

    private FieldRule(string name, bool isRequired, int? minLength, int maxLength, Func<string?, FieldContext, IReadOnlyList<string>> check)
    {
        Name = name;
        IsRequired = isRequired;
        MinLength = minLength;
        MaxLength = maxLength;
        _check = check;
    }

    /// <summary>The field's JSON name.</summary>
    public string Name { get; }

    /// <summary>The schema lists the field as required.</summary>
    public bool IsRequired { get; }

    public int? MinLength { get; }

    public int MaxLength { get; }

    public string? Format { get; private init; }

    public string? Description { get; private init; }

    /// <summary>Required text: not blank, at most <paramref name="maxLength"/> characters.</summary>
    public static FieldRule Text(string name, int maxLength) =>
        new(name, isRequired: true, minLength: 1, maxLength, (value, _) => CheckText(value, maxLength, required: true));

    /// <summary>Text that may be left out, at most <paramref name="maxLength"/> characters.</summary>
    public static FieldRule OptionalText(string name, int maxLength, string? description = null) =>
        new(name, isRequired: false, minLength: null, maxLength, (value, _) => CheckText(value, maxLength, required: false)) { Description = description };

    /// <summary>Text required only when the app client has a secret (the username Cognito then needs), else optional.</summary>
    public static FieldRule TextWhenClientHasSecret(string name, int maxLength, string description) =>
        new(name, isRequired: false, minLength: null, maxLength, (value, context) => CheckText(value, maxLength, context.ClientHasSecret)) { Description = description };

    /// <summary>An email address in the syntax the account flows accept (<see cref="EmailAddress"/>).</summary>
    public static FieldRule Email(string name) =>
        new(name, isRequired: true, minLength: 3, EmailAddress.MaxLength, (value, _) => EmailAddress.Validate(value) is { } error ? [error] : []) { Format = "email" };

    /// <summary>Exactly <paramref name="count"/> ASCII digits (spaces around them ignored), e.g. an authenticator app's code.</summary>
    public static FieldRule Digits(string name, int count) =>
        new(name, isRequired: true, count, count, (value, _) =>
            string.IsNullOrWhiteSpace(value) ? [Required] : IsDigits(value, count, count) ? [] : [$"Must be {count} digits."])
        {
            Description = $"{count} digits.",
        };

    /// <summary>A one-time code that may be left out: when sent, <paramref name="min"/> to <paramref name="max"/> ASCII digits (spaces around them ignored).</summary>
    public static FieldRule OptionalDigits(string name, int min, int max, string description) =>
        new(name, isRequired: false, min, max, (value, _) =>
            value is null || IsDigits(value, min, max) ? [] : [$"Must be {min} to {max} digits."])
        {
            Description = description,
        };

    /// <summary>A new password that may be left out; when sent, checked against the pool's password policy as <see cref="NewPassword"/> is.</summary>
    public static FieldRule OptionalNewPassword(string name, string description) =>
        new(name, isRequired: false, PasswordPolicy.Default.MinimumLength, PasswordPolicy.MaxLength, (value, context) =>
            value is null ? []
            : (context.PasswordPolicy ?? throw new InvalidOperationException($"Field {name} needs the pool's password policy in its FieldContext.")).Check(value))
        {
            Description = description,
        };

    /// <summary>A new password, checked against the pool's password policy; every unmet rule is reported.</summary>
    public static FieldRule NewPassword(string name) =>
        new(name, isRequired: true, PasswordPolicy.Default.MinimumLength, PasswordPolicy.MaxLength, (value, context) =>
            (context.PasswordPolicy ?? throw new InvalidOperationException($"Field {name} needs the pool's password policy in its FieldContext.")).Check(value))
        {
            Description = "Must meet the pool's password policy: by default at least 8 characters with a lowercase and an uppercase letter, a "
                + "digit and a symbol, no leading or trailing space. Every unmet rule is reported in `errors`.",
        };

    /// <summary>Every rule <paramref name="value"/> breaks, as messages safe to show; empty when it complies.</summary>
    public IReadOnlyList<string> Check(string? value, FieldContext context) => _check(value, context);

    /// <summary><paramref name="min"/> to <paramref name="max"/> ASCII digits once the spaces around them are trimmed.</summary>
    private static bool IsDigits(string value, int min, int max) =>
        value.Trim() is var digits && digits.Length >= min && digits.Length <= max && digits.All(char.IsAsciiDigit);

    /// <summary>Blank when required, or longer than <paramref name="maxLength"/>: the message; else none.</summary>
    public static IReadOnlyList<string> CheckText(string? value, int maxLength, bool required) =>
        required && string.IsNullOrWhiteSpace(value) ? [Required]
        : value is { Length: var length } && length > maxLength ? [$"Must be at most {maxLength} characters."]
        : [];
}
