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
    /// Sets <see cref="QuietCategories"/> to Warning unless the configuration names a level for them
    /// (<c>Logging__LogLevel__Polly</c>, <c>Logging__LogLevel__System.Net.Http.HttpClient</c>).
    /// </summary>
    public static ILoggingBuilder AddQuietHttpClientLogs(this ILoggingBuilder logging, IConfiguration configuration)
    {
        foreach (var category in QuietCategories)
        {
            if (configuration[$"Logging:LogLevel:{category}"] is null)
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }

        return logging;
    }
}
