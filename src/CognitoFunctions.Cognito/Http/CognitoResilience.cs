using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// The resilience pipeline of the Cognito client, outermost first: a total timeout over the whole call, retries
/// with jittered exponential backoff (<see cref="RetryClassifier"/> decides what is retried), and a timeout per attempt.
/// </summary>
internal static class CognitoResilience
{
    public const string PipelineName = "cognito";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, CognitoOptions options)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                // A long Retry-After is capped so that one answer cannot spend the whole call waiting.
                MaxDelay = options.AttemptTimeout,
                ShouldRetryAfterHeader = true,
                ShouldHandle = RetryClassifier.ShouldRetryAsync,
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }
}
