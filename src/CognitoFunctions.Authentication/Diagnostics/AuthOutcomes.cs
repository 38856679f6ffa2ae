namespace CognitoFunctions.Authentication;

/// <summary>Names of the outcomes (snake_case tags, computed once) and the mapping from token failures.</summary>
internal static class AuthOutcomes
{
    private static readonly string[] Tags = Enum.GetValues<AuthOutcome>().Select(ToSnakeCase).ToArray();

    public static string Tag(AuthOutcome outcome) => Tags[(int)outcome];

    public static AuthOutcome From(CognitoTokenFailure failure) => failure switch
    {
        CognitoTokenFailure.None => AuthOutcome.Valid,
        CognitoTokenFailure.Malformed => AuthOutcome.Malformed,
        CognitoTokenFailure.Encrypted => AuthOutcome.Encrypted,
        CognitoTokenFailure.DuplicateClaim => AuthOutcome.DuplicateClaim,
        CognitoTokenFailure.InvalidClaimType => AuthOutcome.InvalidClaimType,
        CognitoTokenFailure.UnsupportedAlgorithm => AuthOutcome.UnsupportedAlgorithm,
        CognitoTokenFailure.MissingKeyId => AuthOutcome.MissingKeyId,
        CognitoTokenFailure.UnknownKeyId => AuthOutcome.UnknownKeyId,
        CognitoTokenFailure.UnusableKey => AuthOutcome.UnusableKey,
        CognitoTokenFailure.WrongIssuer => AuthOutcome.WrongIssuer,
        CognitoTokenFailure.MissingTokenUse => AuthOutcome.MissingTokenUse,
        CognitoTokenFailure.InvalidTokenUse => AuthOutcome.InvalidTokenUse,
        CognitoTokenFailure.WrongClient => AuthOutcome.WrongClient,
        CognitoTokenFailure.MissingSubject => AuthOutcome.MissingSubject,
        CognitoTokenFailure.MissingExpiration => AuthOutcome.MissingExpiration,
        CognitoTokenFailure.Expired => AuthOutcome.Expired,
        CognitoTokenFailure.NotYetValid => AuthOutcome.NotYetValid,
        CognitoTokenFailure.InvalidLifetime => AuthOutcome.InvalidLifetime,
        CognitoTokenFailure.BadSignature => AuthOutcome.BadSignature,
        CognitoTokenFailure.KeysUnavailable => AuthOutcome.KeysUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };

    private static string ToSnakeCase(AuthOutcome outcome)
    {
        var name = outcome switch
        {
            AuthOutcome.MissingKeyId => "MissingKid",
            AuthOutcome.UnknownKeyId => "UnknownKid",
            AuthOutcome.MissingExpiration => "MissingExp",
            var other => other.ToString(),
        };
        var builder = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
