namespace CognitoFunctions.Cognito.Model;

/// <summary>DescribeUserPoolClient for the configured pool and app client.</summary>
internal sealed record DescribeUserPoolClientRequest
{
    public required string UserPoolId { get; init; }

    public required string ClientId { get; init; }
}

/// <summary>
/// The answer of DescribeUserPoolClient. The app reads none of it: that it arrives shows the pool has the app client.
/// The answer also carries the client's secret, so nothing of it is kept that could reach a log.
/// </summary>
public sealed record DescribeUserPoolClientResponse;
