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
    /// <summary>The pool's name (the issuer authenticator apps show beside a TOTP code).</summary>
    public string? Name { get; init; }

    /// <summary>The pool's policies (the password policy).</summary>
    public UserPoolPolicyType? Policies { get; init; }
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
}
