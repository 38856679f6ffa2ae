namespace CognitoFunctions.Authentication;

/// <summary>One <see cref="RequireCognitoTokenAttribute"/>, frozen: token use, any of the groups, any of the scopes.</summary>
internal sealed class TokenRequirement(CognitoTokenUse tokenUse, string[] groups, string[] scopes)
{
    // Arrays walked by index: checked on every request, so no enumerator or delegate is allocated.
    private readonly string[] _groups = groups;
    private readonly string[] _scopes = scopes;

    public CognitoTokenUse TokenUse { get; } = tokenUse;

    public IReadOnlyList<string> Groups => _groups;

    public IReadOnlyList<string> Scopes => _scopes;

    public static TokenRequirement From(RequireCognitoTokenAttribute attribute) =>
        new(attribute.TokenUse, Clean(attribute.Groups), Clean(attribute.Scopes));

    /// <summary><see cref="AuthOutcome.Valid"/> when the token meets the requirement, else the failed part.</summary>
    public AuthOutcome Check(CognitoToken token)
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
