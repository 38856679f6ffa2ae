namespace CognitoFunctions.Authentication;

/// <summary>The snake_case names of outcomes and token failures, for the metric tag and the log, computed once.</summary>
internal static class OutcomeTags
{
    private static readonly string[] Outcomes = Enum.GetValues<AuthOutcome>().Select(o => ToSnakeCase(o.ToString())).ToArray();

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
    public static string Of(JwksFetchOutcome outcome) => outcome switch
    {
        JwksFetchOutcome.Success => "success",
        JwksFetchOutcome.HttpError => "http_error",
        JwksFetchOutcome.NetworkError => "network_error",
        JwksFetchOutcome.Timeout => "timeout",
        JwksFetchOutcome.InvalidDocument => "invalid_document",
        _ => "no_usable_keys",
    };

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
