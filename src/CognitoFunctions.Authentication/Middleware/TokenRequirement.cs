namespace CognitoFunctions.Authentication;

/// <summary>One <see cref="RequireCognitoTokenAttribute"/>, frozen: token use, any of the groups, any of the scopes.</summary>
internal sealed class TokenRequirement(CognitoTokenUse tokenUse, string[] groups, string[] scopes)
{
    public CognitoTokenUse TokenUse { get; } = tokenUse;

    public IReadOnlyList<string> Groups { get; } = groups;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public static TokenRequirement From(RequireCognitoTokenAttribute attribute) =>
        new(attribute.TokenUse, Clean(attribute.Groups), Clean(attribute.Scopes));

    /// <summary><see cref="AuthOutcome.Valid"/> when the token meets the requirement, else the failed part.</summary>
    public AuthOutcome Check(CognitoToken token)
    {
        if (TokenUse != CognitoTokenUse.Any && token.TokenUse != TokenUse)
        {
            return AuthOutcome.WrongTokenUse;
        }

        if (Groups.Count > 0 && !Groups.Any(token.IsInGroup))
        {
            return AuthOutcome.MissingGroup;
        }

        return Scopes.Count > 0 && !Scopes.Any(token.HasScope) ? AuthOutcome.MissingScope : AuthOutcome.Valid;
    }

    private static string[] Clean(string[]? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToArray() ?? [];
}
