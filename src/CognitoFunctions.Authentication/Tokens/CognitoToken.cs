using System.Buffers.Text;
using System.Security.Claims;
using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>
/// A validated Cognito token: its claims as typed properties, read without allocating. Immutable and shared by
/// every request that presents the same token; <see cref="ToClaimsPrincipal"/> builds a principal of its own.
/// </summary>
public sealed class CognitoToken
{
    private static readonly IReadOnlyList<string> NoGroups = Array.AsReadOnly(Array.Empty<string>());
    private readonly string _rawToken;
    private readonly string[] _groups;
    private readonly int _payloadStart;
    private readonly int _payloadLength;
    private JsonElementBox? _claims;

    internal CognitoToken(
        string rawToken,
        Range payload,
        SigningKey signingKey,
        in TokenPayload claims,
        string issuer,
        string clientId)
    {
        _rawToken = rawToken;
        (_payloadStart, _payloadLength) = payload.GetOffsetAndLength(rawToken.Length);
        SigningKey = signingKey;
        Issuer = issuer;
        ClientId = clientId;
        Subject = claims.Subject!;
        TokenUse = claims.TokenUse;
        Email = claims.Email;
        (Username, UsernameClaimType) = claims.CognitoUsername is { } cognitoUsername
            ? (cognitoUsername, ClaimNames.CognitoUsername)
            : (claims.Username, claims.Username is null ? null : ClaimNames.Username);
        // Read-only even to a caller that casts: the token is shared by every request that presents it.
        _groups = claims.Groups ?? [];
        Groups = _groups.Length > 0 ? Array.AsReadOnly(_groups) : NoGroups;
        Scope = claims.Scope;
        TokenId = claims.TokenId;
        ExpiresAtSeconds = claims.Expires!.Value;
        IssuedAtSeconds = claims.IssuedAt;
        ExpiresAtTicks = NumericDate.ToTicks(ExpiresAtSeconds);
    }

    /// <summary>The pool's issuer (<c>iss</c>).</summary>
    public string Issuer { get; }

    /// <summary>
    /// The token as the client presented it, for passing on to Cognito (e.g. ChangePassword). A bearer
    /// credential: never log it.
    /// </summary>
    public string EncodedToken => _rawToken;

    /// <summary>The user's immutable id (<c>sub</c>).</summary>
    public string Subject { get; }

    /// <summary>ID or access token (<c>token_use</c>).</summary>
    public CognitoTokenUse TokenUse { get; }

    /// <summary>The app client the token was issued to: <c>aud</c> of an ID token, <c>client_id</c> of an access token.</summary>
    public string ClientId { get; }

    /// <summary>The Cognito username: <c>cognito:username</c> (ID tokens) or <c>username</c> (access tokens).</summary>
    public string? Username { get; }

    /// <summary>The user's email address (<c>email</c>, ID tokens only).</summary>
    public string? Email { get; }

    /// <summary>The user's groups (<c>cognito:groups</c>); empty when none.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>The space-separated scopes of an access token (<c>scope</c>).</summary>
    public string? Scope { get; }

    /// <summary>The token's id (<c>jti</c>).</summary>
    public string? TokenId { get; }

    /// <summary>When the token expires (<c>exp</c>).</summary>
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtSeconds);

    /// <summary>When the token was issued (<c>iat</c>), if it says.</summary>
    public DateTimeOffset? IssuedAt => IssuedAtSeconds is { } iat ? DateTimeOffset.FromUnixTimeSeconds(iat) : null;

    internal string? UsernameClaimType { get; }

    internal SigningKey SigningKey { get; }

    internal long ExpiresAtSeconds { get; }

    internal long? IssuedAtSeconds { get; }

    internal long ExpiresAtTicks { get; }

    /// <summary>Whether <see cref="Groups"/> holds <paramref name="group"/> (ordinal comparison).</summary>
    public bool IsInGroup(string group)
    {
        // The array, by index: a foreach over the read-only wrapper would allocate its enumerator on every check.
        for (var i = 0; i < _groups.Length; i++)
        {
            if (string.Equals(_groups[i], group, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <see cref="Scope"/> lists <paramref name="scope"/> (ordinal comparison).</summary>
    public bool HasScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Scope is null || scope.Length == 0)
        {
            return false;
        }

        foreach (var range in Scope.AsSpan().Split(' '))
        {
            if (Scope.AsSpan(range).SequenceEqual(scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Any claim of the payload as JSON (custom attributes such as <c>custom:tenant</c>, <c>auth_time</c>, ...).
    /// The payload is parsed on the first call only.
    /// </summary>
    /// <param name="name">The claim name as in the token.</param>
    /// <param name="value">The claim's value.</param>
    /// <returns>Whether the token has that claim.</returns>
    public bool TryGetClaim(string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var claims = _claims ??= new JsonElementBox(ParsePayload());
        return claims.Root.TryGetProperty(name, out value);
    }

    /// <summary>
    /// A new principal with the token's claims under their Cognito names (<c>sub</c>, <c>email</c>,
    /// <c>cognito:groups</c>, <c>scope</c>, <c>token_use</c>, <c>client_id</c> or <c>aud</c>, <c>username</c> or
    /// <c>cognito:username</c>, <c>iss</c>); its name is the username and its roles are the groups.
    /// </summary>
    public ClaimsPrincipal ToClaimsPrincipal() => CognitoPrincipalFactory.Create(this);

    internal bool IsCurrent(long nowTicks, long skewTicks) =>
        !SigningKey.IsRetired && NumericDate.IsExpired(ExpiresAtTicks, nowTicks, skewTicks) is false;

    private JsonElement ParsePayload()
    {
        var chars = _rawToken.AsSpan(_payloadStart, _payloadLength);
        var bytes = new byte[Base64Url.GetMaxDecodedLength(chars.Length)];
        Base64UrlSegment.TryDecode(chars, bytes, out var written);
        using var document = JsonDocument.Parse(bytes.AsMemory(0, written));
        return document.RootElement.Clone();
    }

    // A JsonElement is a struct: boxing it in a class lets the lazy field be published in one reference write.
    private sealed class JsonElementBox(JsonElement root)
    {
        public JsonElement Root { get; } = root;
    }
}
