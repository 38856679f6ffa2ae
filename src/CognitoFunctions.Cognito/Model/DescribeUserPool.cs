using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>DescribeUserPool for the configured pool (the request carries only the pool id).</summary>
internal sealed record DescribeUserPoolRequest
{
    public required string UserPoolId { get; init; }
}

/// <summary>The answer of DescribeUserPool.</summary>
public sealed record DescribeUserPoolResponse
{
    /// <summary>The pool.</summary>
    public UserPoolType? UserPool { get; init; }
}

/// <summary>The parts of Cognito's UserPoolType the app reads.</summary>
public sealed record UserPoolType
{
    /// <summary>The pool id.</summary>
    public string? Id { get; init; }

    /// <summary>The pool's name.</summary>
    public string? Name { get; init; }

    /// <summary>The pool's ARN.</summary>
    public string? Arn { get; init; }

    /// <summary>The pool's policies (the password policy).</summary>
    public UserPoolPolicyType? Policies { get; init; }

    /// <summary>Attributes users sign in with instead of a username, e.g. <c>email</c>.</summary>
    public IReadOnlyList<string>? UsernameAttributes { get; init; }

    /// <summary>The pool's attribute schema, custom attributes included.</summary>
    public IReadOnlyList<SchemaAttributeType>? SchemaAttributes { get; init; }

    /// <summary>About how many users the pool holds.</summary>
    public int? EstimatedNumberOfUsers { get; init; }

    /// <summary><c>ACTIVE</c> or <c>INACTIVE</c>.</summary>
    public string? DeletionProtection { get; init; }

    /// <summary>When the pool was created.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset CreationDate { get; init; }
}

/// <summary>A pool's policies.</summary>
public sealed record UserPoolPolicyType
{
    /// <summary>The password policy.</summary>
    public PasswordPolicyType? PasswordPolicy { get; init; }
}

/// <summary>A pool's password policy.</summary>
public sealed record PasswordPolicyType
{
    /// <summary>Minimum length.</summary>
    public int? MinimumLength { get; init; }

    /// <summary>At least one upper-case letter.</summary>
    public bool? RequireUppercase { get; init; }

    /// <summary>At least one lower-case letter.</summary>
    public bool? RequireLowercase { get; init; }

    /// <summary>At least one digit.</summary>
    public bool? RequireNumbers { get; init; }

    /// <summary>At least one symbol.</summary>
    public bool? RequireSymbols { get; init; }

    /// <summary>How many earlier passwords may not be reused.</summary>
    public int? PasswordHistorySize { get; init; }

    /// <summary>Days a temporary password stays valid.</summary>
    public int? TemporaryPasswordValidityDays { get; init; }
}

/// <summary>One attribute of a pool's schema.</summary>
public sealed record SchemaAttributeType
{
    /// <summary>The name; custom attributes carry the <c>custom:</c> prefix.</summary>
    public string? Name { get; init; }

    /// <summary><c>String</c>, <c>Number</c>, <c>DateTime</c> or <c>Boolean</c>.</summary>
    public string? AttributeDataType { get; init; }

    /// <summary>Whether it may change after creation.</summary>
    public bool? Mutable { get; init; }

    /// <summary>Whether every user must have it.</summary>
    public bool? Required { get; init; }
}
