using System.Buffers.Text;
using System.Text;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The session a client carries from one step of a login to the next: the challenge it answers, the Cognito username
/// the answer is sent for, and Cognito's own session. Encoded as one opaque string (clients must not read it; its
/// format may change). It needs no protection of its own: Cognito's session is bound to its user, client and
/// challenge, so a session whose parts were changed is refused by Cognito, and nothing in it is secret (the username
/// is the account's <c>sub</c> or email, which its tokens carry anyway). It lives as long as Cognito's session: the
/// app client's AuthSessionValidity, 3 minutes unless set otherwise.
/// </summary>
internal sealed record LogInSession(string ChallengeName, string Username, string CognitoSession)
{
    /// <summary>The longest session accepted: Cognito's sessions are at most a few kilobytes.</summary>
    public const int MaxLength = 8192;

    private const string Prefix = "ls1.";
    private const char Separator = '\n';

    /// <summary>The opaque string a client sends back.</summary>
    public string Encode() => Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{ChallengeName}{Separator}{Username}{Separator}{CognitoSession}"));

    /// <summary>The session <paramref name="value"/> encodes, or null when it is not one this API made.</summary>
    public static LogInSession? Decode(string value)
    {
        if (value.Length > MaxLength || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var parts = text.Split(Separator);
        return parts is [{ Length: > 0 } name, { Length: > 0 } username, { Length: > 0 } session] ? new LogInSession(name, username, session) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(LogInSession)} {{ ChallengeName = {ChallengeName}, Username = ***, CognitoSession = *** }}";
}
