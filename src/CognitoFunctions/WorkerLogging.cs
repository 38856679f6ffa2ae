using CognitoFunctions.Accounts.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions;

/// <summary>The worker's own log filters: host.json's <c>logLevel</c> filters the host's categories, never the worker's.</summary>
internal static class WorkerLogging
{
    /// <summary>
    /// Categories that write several Information lines per Cognito call without naming the operation (IHttpClientFactory's
    /// handlers, Polly's telemetry); the Cognito client logs each call once instead. Their failures are Warning and above.
    /// </summary>
    public static readonly IReadOnlyList<string> QuietCategories = ["System.Net.Http.HttpClient", "Polly"];

    /// <summary>
    /// Sets <see cref="QuietCategories"/> to Warning unless the configuration names a level for one of them or for a
    /// prefix of it (<c>Logging__LogLevel__Polly</c>, <c>Logging__LogLevel__System</c>): such a rule is the operator's
    /// and must win over this default, which as the more specific rule would otherwise take precedence.
    /// </summary>
    public static ILoggingBuilder AddQuietHttpClientLogs(this ILoggingBuilder logging, IConfiguration configuration)
    {
        foreach (var category in QuietCategories)
        {
            if (!Prefixes(category).Any(prefix => configuration[$"Logging:LogLevel:{prefix}"] is not null))
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }

        return logging;
    }

    /// <summary>
    /// Keeps the audit events (category <see cref="AuditLog.Category"/>) at Information however far the default level
    /// or the app's own categories (<c>Logging__LogLevel__Default=Warning</c>, <c>Logging__LogLevel__CognitoFunctions</c>)
    /// are raised: an auth service's record of who logged in is not noise to trim with the rest. Only a level set for the
    /// category itself (<c>Logging:LogLevel:CognitoFunctions.Audit</c>) is the operator's choice, and wins.
    /// </summary>
    public static ILoggingBuilder KeepAuditEvents(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (configuration[$"Logging:LogLevel:{AuditLog.Category}"] is null)
        {
            logging.AddFilter(AuditLog.Category, LogLevel.Information);
        }

        return logging;
    }

    // "System.Net.Http.HttpClient" → System, System.Net, System.Net.Http, System.Net.Http.HttpClient. (Setting names
    // with dots do not survive every shell and platform, so the short prefixes matter.)
    private static IEnumerable<string> Prefixes(string category)
    {
        for (var dot = category.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = category.IndexOf('.', dot + 1))
        {
            yield return category[..dot];
        }

        yield return category;
    }
}
