using CognitoFunctions.Accounts;

namespace CognitoFunctions.Http;

/// <summary>
/// An RFC 9457 problem before it is written: its kind (a stable relative <c>type</c> URI listed in the README),
/// status, a safe human-readable detail, field errors, and headers such as Retry-After.
/// </summary>
internal sealed record Problem(ProblemKind Kind, string Detail)
{
    /// <summary>Field errors, as ASP.NET Core's ValidationProblemDetails has them: field → messages.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Seconds the client should wait before retrying (429, 503, 504).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>The Cognito challenge a login met that this API does not complete (challenge-unsupported only).</summary>
    public string? ChallengeName { get; init; }

    /// <summary>The challenge a login met, with its session and what its answer needs (challenge-required only).</summary>
    public LogInChallenge? Challenge { get; init; }

    public HttpStatusCode Status => Kind.Status;
}
