namespace CognitoFunctions.Authentication;

/// <summary>
/// The snake_case names of outcomes, token failures and JWKS fetch results, for the metric tags, the log and the key
/// status, computed once from the enums' names (so a new value is named by itself). Indexed by value: the enums
/// number their members from 0 without gaps.
/// </summary>
internal static class OutcomeTags
{
    private static readonly string[] Outcomes = SnakeCaseNames<AuthOutcome>();

    private static readonly string[] FetchOutcomes = SnakeCaseNames<JwksFetchOutcome>();

    private static readonly string[] Verdicts = SnakeCaseNames<RevocationVerdict>();

    private static readonly string[] Failures = Enum.GetValues<CognitoTokenFailure>().Select(f => f switch
    {
        CognitoTokenFailure.None => "valid",
        CognitoTokenFailure.MissingKeyId => "missing_kid",
        CognitoTokenFailure.UnknownKeyId => "unknown_kid",
        CognitoTokenFailure.MissingExpiration => "missing_exp",
        _ => ToSnakeCase(f.ToString()),
    }).ToArray();

    public static string Of(AuthOutcome outcome) => Outcomes[(int)outcome];

    public static string Of(CognitoTokenFailure failure) => Failures[(int)failure];

    /// <summary>The <c>result</c> of a JWKS fetch, as the fetch counter and the key status name it.</summary>
    public static string Of(JwksFetchOutcome outcome) => FetchOutcomes[(int)outcome];

    /// <summary>The <c>result</c> of a revocation check, as the check counter names it.</summary>
    public static string Of(RevocationVerdict verdict) => Verdicts[(int)verdict];

    private static string[] SnakeCaseNames<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => ToSnakeCase(v.ToString())).ToArray();

    private static string ToSnakeCase(string name)
    {
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
