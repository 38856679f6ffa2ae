using System.Collections.Frozen;

namespace CognitoFunctions.Cognito.Errors;

/// <summary>Reading Cognito's error type strings.</summary>
internal static class CognitoErrorCodes
{
    private const string Suffix = "Exception";

    private static readonly FrozenDictionary<string, CognitoErrorCode> ByName = Enum.GetValues<CognitoErrorCode>()
        .Where(code => code != CognitoErrorCode.Unknown)
        .ToFrozenDictionary(code => code.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// The bare code of a <c>__type</c> or <c>x-amzn-ErrorType</c> value: without a <c>namespace#</c> prefix
    /// (<c>com.amazonaws.cognito.identity.idp.model#UsernameExistsException</c>) or a <c>:uri</c> suffix.
    /// </summary>
    public static string Normalize(string type)
    {
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        var bare = colon >= 0 ? type[..colon] : type;
        return bare[(bare.LastIndexOf('#') + 1)..].Trim();
    }

    /// <summary>The enum value of a bare code (<c>UsernameExistsException</c> or <c>IncompleteSignature</c>).</summary>
    public static CognitoErrorCode Parse(string bareCode)
    {
        var name = bareCode.EndsWith(Suffix, StringComparison.Ordinal) ? bareCode[..^Suffix.Length] : bareCode;
        return ByName.GetValueOrDefault(name, CognitoErrorCode.Unknown);
    }

    /// <summary>Codes that mean "slow down": retried with backoff, then surfaced as <see cref="CognitoThrottledException"/>.</summary>
    public static bool IsThrottling(CognitoErrorCode code) => code is CognitoErrorCode.TooManyRequests or CognitoErrorCode.Throttling;
}
