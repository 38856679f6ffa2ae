using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>ListUsers: one page of the pool's users.</summary>
public sealed record ListUsersRequest
{
    /// <summary>Users per page, 1 to 60 (Cognito's default and maximum is 60).</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's <see cref="ListUsersResponse.PaginationToken"/>.</summary>
    public string? PaginationToken { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }
}

/// <summary>The answer of ListUsers.</summary>
public sealed record ListUsersResponse
{
    /// <summary>This page's users.</summary>
    public IReadOnlyList<UserType> Users { get; init; } = [];

    /// <summary>The token for the next page; null on the last page.</summary>
    public string? PaginationToken { get; init; }
}
