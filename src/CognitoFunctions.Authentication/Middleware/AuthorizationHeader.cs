using System.Net.Http.Headers;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Reads the token from <c>Authorization</c>: <c>Bearer &lt;jwt&gt;</c>, or a bare JWT as clients of the original API
/// Gateway version send it. Everything else is refused: another scheme, more than one header or token (the host
/// joins repeated headers with commas), or a header longer than 16 KiB. The raw header is read without validation,
/// so the token is a slice of the header string and a cache hit allocates nothing.
/// </summary>
internal readonly struct AuthorizationHeader
{
    public const string Name = "Authorization";
    public const int MaxLength = JsonLimits.MaxTokenLength;

    private readonly string? _value;
    private readonly int _start;
    private readonly int _length;

    private AuthorizationHeader(AuthOutcome outcome, string? value = null, int start = 0, int length = 0)
    {
        Outcome = outcome;
        _value = value;
        _start = start;
        _length = length;
    }

    /// <summary><see cref="AuthOutcome.Valid"/> when a token was found, else why not.</summary>
    public AuthOutcome Outcome { get; }

    public ReadOnlySpan<char> Token => _value.AsSpan(_start, _length);

    /// <summary>The token as its own string (the whole header value when it is a bare JWT).</summary>
    public string TokenString() => _start == 0 && _length == _value!.Length ? _value : _value!.Substring(_start, _length);

    public static AuthorizationHeader Read(HttpHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues(Name, out var values) || values.Count == 0)
        {
            return new(AuthOutcome.Missing);
        }

        if (values.Count > 1)
        {
            return new(AuthOutcome.MultipleTokens);
        }

        var value = "";
        foreach (var single in values)
        {
            value = single;
        }

        return Parse(value);
    }

    public static AuthorizationHeader Parse(string value)
    {
        if (value.Length > MaxLength)
        {
            return new(AuthOutcome.HeaderTooLong);
        }

        var text = value.AsSpan();
        var start = text.Length - text.TrimStart(" \t").Length;
        text = text.Trim(" \t");
        if (text.IsEmpty)
        {
            return new(AuthOutcome.Missing);
        }

        if (text.Contains(','))
        {
            return new(AuthOutcome.MultipleTokens);
        }

        var space = text.IndexOfAny(' ', '\t');
        if (space < 0)
        {
            // No scheme: a bare JWT (it has dots), or a scheme name alone such as "Negotiate".
            return text.Contains('.') ? new(AuthOutcome.Valid, value, start, text.Length) : new(AuthOutcome.UnsupportedScheme);
        }

        if (!text[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return new(AuthOutcome.UnsupportedScheme);
        }

        var credentials = text[(space + 1)..];
        var token = credentials.TrimStart(" \t");
        if (token.IsEmpty || token.ContainsAny(' ', '\t'))
        {
            return new(AuthOutcome.MalformedHeader);
        }

        return new(AuthOutcome.Valid, value, start + space + 1 + (credentials.Length - token.Length), token.Length);
    }
}
