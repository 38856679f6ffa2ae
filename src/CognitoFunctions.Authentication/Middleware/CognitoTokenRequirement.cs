namespace CognitoFunctions.Authentication;

/// <summary>
/// One <see cref="RequireCognitoTokenAttribute"/> as the middleware enforces it: the token use, any of the groups, any of
/// the scopes (blank and repeated names dropped), and whether Cognito is asked about revocation (which makes the token
/// use <see cref="CognitoTokenUse.Access"/>).
/// </summary>
public sealed class CognitoTokenRequirement
{
    // Arrays walked by index: checked on every request, so no enumerator or delegate is allocated.
    private readonly string[] _groups;
    private readonly string[] _scopes;

    private CognitoTokenRequirement(CognitoTokenUse tokenUse, string[] groups, string[] scopes, bool checkRevocation)
    {
        CheckRevocation = checkRevocation;
        TokenUse = checkRevocation ? CognitoTokenUse.Access : tokenUse;
        _groups = groups;
        _scopes = scopes;
    }

    /// <summary>The kind of token required; <see cref="CognitoTokenUse.Any"/> when either will do.</summary>
    public CognitoTokenUse TokenUse { get; }

    /// <summary>Groups of which the user must be in at least one; empty when any user will do.</summary>
    public IReadOnlyList<string> Groups => _groups;

    /// <summary>Scopes of which the token must carry at least one; empty when none is required.</summary>
    public IReadOnlyList<string> Scopes => _scopes;

    /// <summary>
    /// Cognito is asked whether the token was revoked (401 when it was, 503 when it cannot answer); <see cref="TokenUse"/>
    /// is then <see cref="CognitoTokenUse.Access"/>.
    /// </summary>
    public bool CheckRevocation { get; }

    /// <summary>A valid token can still fail this requirement (and be answered 403).</summary>
    public bool CanForbid => TokenUse != CognitoTokenUse.Any || _groups.Length > 0 || _scopes.Length > 0;

    internal static CognitoTokenRequirement From(RequireCognitoTokenAttribute attribute) =>
        new(attribute.TokenUse, Clean(attribute.Groups), Clean(attribute.Scopes), attribute.CheckRevocation);

    /// <summary><see cref="AuthOutcome.Valid"/> when the token meets the requirement, else the failed part.</summary>
    internal AuthOutcome Check(CognitoToken token)
    {
        if (TokenUse != CognitoTokenUse.Any && token.TokenUse != TokenUse)
        {
            return AuthOutcome.WrongTokenUse;
        }

        if (_groups.Length > 0 && !IsInAnyGroup(token))
        {
            return AuthOutcome.MissingGroup;
        }

        return _scopes.Length > 0 && !HasAnyScope(token) ? AuthOutcome.MissingScope : AuthOutcome.Valid;
    }

    private bool IsInAnyGroup(CognitoToken token)
    {
        for (var i = 0; i < _groups.Length; i++)
        {
            if (token.IsInGroup(_groups[i]))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasAnyScope(CognitoToken token)
    {
        for (var i = 0; i < _scopes.Length; i++)
        {
            if (token.HasScope(_scopes[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Clean(string[]? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToArray() ?? [];
}
