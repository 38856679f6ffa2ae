namespace CognitoFunctions.Cognito.Model;

/// <summary>DescribeUserPoolClient for the configured pool and app client.</summary>
internal sealed record DescribeUserPoolClientRequest
{
    public required string UserPoolId { get; init; }

    public required string ClientId { get; init; }
}

/// <summary>The answer of DescribeUserPoolClient.</summary>
public sealed record DescribeUserPoolClientResponse
{
    /// <summary>The app client.</summary>
    public UserPoolClientType? UserPoolClient { get; init; }
}

/// <summary>
/// The parts of Cognito's UserPoolClientType the app reads. The answer also carries the client's secret: it is
/// deliberately not read, so that it cannot reach a log through this type.
/// </summary>
public sealed record UserPoolClientType
{
    /// <summary>The pool the client belongs to.</summary>
    public string? UserPoolId { get; init; }

    /// <summary>The client id.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client's name.</summary>
    public string? ClientName { get; init; }

    /// <summary>The auth flows the client allows, e.g. <c>ALLOW_ADMIN_USER_PASSWORD_AUTH</c>.</summary>
    public IReadOnlyList<string>? ExplicitAuthFlows { get; init; }
}
