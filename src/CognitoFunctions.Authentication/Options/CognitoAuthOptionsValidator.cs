using System.Globalization;
using CognitoFunctions.Shared;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Start-up validation of <see cref="CognitoAuthOptions"/>: a pool without issuer or clients, an http JWKS outside
/// Development, or an out-of-range number stops the app with a message naming the setting as it is spelled in app
/// settings (<c>CognitoAuth__TrustedPools__0__UserPoolId</c>). Never a silent skip.
/// </summary>
internal sealed class CognitoAuthOptionsValidator(bool isDevelopment) : IValidateOptions<CognitoAuthOptions>
{
    private const string Section = CognitoAuthOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CognitoAuthOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(options.ClockSkew), options.ClockSkew, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Range(failures, nameof(options.CacheSize), options.CacheSize, 0, 1_000_000);
        Range(failures, nameof(options.PenaltyWindow), options.PenaltyWindow, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, nameof(options.JwksRefreshInterval), options.JwksRefreshInterval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        Range(failures, nameof(options.JwksFetchTimeout), options.JwksFetchTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Range(failures, nameof(options.RevocationCheckInterval), options.RevocationCheckInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Range(failures, nameof(options.RevocationCheckTimeout), options.RevocationCheckTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        if (string.IsNullOrWhiteSpace(options.Realm) || options.Realm.Any(char.IsControl))
        {
            failures.Add($"{Section}__{nameof(options.Realm)} must be a non-empty name without control characters.");
        }

        if (!options.RequireHttpsJwks && !isDevelopment)
        {
            failures.Add($"{Section}__{nameof(options.RequireHttpsJwks)} is false outside the Development environment: a JWKS over plain http can be replaced on the way; use https.");
        }

        if (options.TrustedPools.Count == 0)
        {
            failures.Add($"{Section}__TrustedPools is empty and the application supplied no pool: configure {Section}__TrustedPools__0__Region, {Section}__TrustedPools__0__UserPoolId and {Section}__TrustedPools__0__ClientIds__0.");
        }

        for (var i = 0; i < options.TrustedPools.Count; i++)
        {
            ValidatePool(failures, options, i);
        }

        foreach (var issuer in options.TrustedPools.GroupBy(p => p.Issuer, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{Section}__TrustedPools lists the pool {issuer.Key} more than once: a token's iss must select exactly one pool.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidatePool(List<string> failures, CognitoAuthOptions options, int index)
    {
        var pool = options.TrustedPools[index];
        string Setting(string property) => options.UsesApplicationPool
            ? $"{property} of the application's pool (used because {Section}__TrustedPools is empty)"
            : $"{Section}__TrustedPools__{index}__{property}";

        if (string.IsNullOrWhiteSpace(pool.Region))
        {
            failures.Add($"{Setting(nameof(pool.Region))} is not set: the pool's AWS region, e.g. us-east-1.");
        }
        else if (!CognitoIdentifiers.IsRegion(pool.Region))
        {
            failures.Add($"{Setting(nameof(pool.Region))} '{pool.Region}' is not an AWS region name such as us-east-1.");
        }

        if (string.IsNullOrWhiteSpace(pool.UserPoolId))
        {
            failures.Add($"{Setting(nameof(pool.UserPoolId))} is not set: the user pool id, e.g. us-east-1_AbCdEf123.");
        }
        else if (!CognitoIdentifiers.TryParseUserPoolId(pool.UserPoolId, out var prefix))
        {
            failures.Add($"{Setting(nameof(pool.UserPoolId))} '{pool.UserPoolId}' is not a user pool id (<region>_<id>).");
        }
        else if (CognitoIdentifiers.OtherRegion(prefix, pool.Region) is { } other)
        {
            failures.Add($"{Setting(nameof(pool.UserPoolId))} '{pool.UserPoolId}' belongs to region '{other}', not '{pool.Region}'.");
        }

        if (pool.ClientIds.Count == 0)
        {
            failures.Add($"{Setting(nameof(pool.ClientIds))} is empty: list the app client ids whose tokens are accepted ({Setting(nameof(pool.ClientIds))}__0).");
        }

        for (var c = 0; c < pool.ClientIds.Count; c++)
        {
            if (pool.ClientIds[c] is not { } clientId || !CognitoIdentifiers.IsClientId(clientId))
            {
                failures.Add($"{Setting(nameof(pool.ClientIds))}__{c} is not an app client id (1 to 128 letters, digits, '_' or '+').");
            }
        }

        if (pool.JwksUri is { } jwks)
        {
            if (!jwks.IsAbsoluteUri || (jwks.Scheme != Uri.UriSchemeHttps && jwks.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{Setting(nameof(pool.JwksUri))} must be an absolute https address.");
            }
            else if (jwks.Scheme == Uri.UriSchemeHttp && options.RequireHttpsJwks)
            {
                failures.Add($"{Setting(nameof(pool.JwksUri))} is http: use https, or in Development (cognito-local) set {Section}__{nameof(options.RequireHttpsJwks)} to false.");
            }
        }

        if (pool.ServiceUrl is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
            {
                failures.Add($"{Setting(nameof(pool.ServiceUrl))} must be an absolute https address without query or fragment.");
            }
            else if (endpoint.Scheme == Uri.UriSchemeHttp && !isDevelopment)
            {
                // The access token itself travels to this address: in clear text only to a local double.
                failures.Add($"{Setting(nameof(pool.ServiceUrl))} is http outside the Development environment: access tokens would be sent in clear text; use https.");
            }
        }
    }

    private static void Range<T>(List<string> failures, string property, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            // TimeSpan's invariant form (00:00:30) is the one app settings are written in.
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}__{property} is {value}; it must be between {min} and {max}."));
        }
    }
}
