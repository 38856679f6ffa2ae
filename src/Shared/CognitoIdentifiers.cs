using System.Text.RegularExpressions;

namespace CognitoFunctions.Shared;

/// <summary>
/// The shapes of Cognito's identifiers, for the start-up checks of the Cognito client's settings and of the
/// middleware's trusted pools. One source file compiled into both assemblies (each gets its own internal copy), so
/// the package needs no reference to the client and the two checks cannot drift apart.
/// </summary>
internal static partial class CognitoIdentifiers
{
    /// <summary>An AWS region name such as <c>us-east-1</c>, <c>us-gov-west-1</c> or <c>us-isob-east-1</c>.</summary>
    public static bool IsRegion(string value) => RegionPattern().IsMatch(value);

    /// <summary>
    /// Whether <paramref name="value"/> is a user pool id (<c>&lt;prefix&gt;_&lt;id&gt;</c>); the prefix is the pool's
    /// region on AWS (cognito-local uses <c>local</c>).
    /// </summary>
    public static bool TryParseUserPoolId(string value, out string prefix)
    {
        var match = UserPoolIdPattern().Match(value);
        prefix = match.Success ? match.Groups["prefix"].Value : "";
        return match.Success;
    }

    /// <summary>
    /// The region a pool id names, when its prefix is a region and differs from <paramref name="region"/>: a pool id
    /// from another region than the one configured. Null when they agree or the prefix is not a region.
    /// </summary>
    public static string? OtherRegion(string userPoolIdPrefix, string region) =>
        IsRegion(userPoolIdPrefix) && !string.Equals(userPoolIdPrefix, region, StringComparison.Ordinal) ? userPoolIdPrefix : null;

    /// <summary>An app client id: 1 to 128 letters, digits, '_' or '+'.</summary>
    public static bool IsClientId(string value) => ClientIdPattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    // AWS's own pattern is [\w-]+_[0-9a-zA-Z]+ (cognito-local generates local_XXXXXXXX).
    [GeneratedRegex(@"^(?<prefix>[\w-]+)_[0-9a-zA-Z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserPoolIdPattern();

    [GeneratedRegex(@"^[\w+]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
