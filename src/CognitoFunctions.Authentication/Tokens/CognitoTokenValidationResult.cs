using System.Diagnostics.CodeAnalysis;

namespace CognitoFunctions.Authentication;

/// <summary>The verdict on one token: the validated token, or the reason it was rejected. Never an exception.</summary>
public readonly struct CognitoTokenValidationResult : IEquatable<CognitoTokenValidationResult>
{
    private CognitoTokenValidationResult(CognitoToken? token, CognitoTokenFailure failure, TimeSpan retryAfter, string? untrustedIssuer = null)
    {
        Token = token;
        Failure = failure;
        RetryAfter = retryAfter;
        UntrustedIssuer = untrustedIssuer;
    }

    /// <summary>The validated token, when <see cref="IsValid"/>.</summary>
    public CognitoToken? Token { get; }

    /// <summary>Why the token was rejected; <see cref="CognitoTokenFailure.None"/> when it is valid.</summary>
    public CognitoTokenFailure Failure { get; }

    /// <summary>For <see cref="CognitoTokenFailure.KeysUnavailable"/>: how long until the keys are fetched again.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>
    /// For <see cref="CognitoTokenFailure.WrongIssuer"/>: the <c>iss</c> the token named (null when it named none), so
    /// that the refusal can be logged beside the trusted issuers. Attacker's text of any length: log it only through
    /// <see cref="LogText.Quote"/>.
    /// </summary>
    /// <summary>For the log line of a refusal only: not part of the verdict, so not of equality.</summary>
    internal string? UntrustedIssuer { get; }

    /// <summary>Whether the token was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    public bool IsValid => Token is not null;

    internal static CognitoTokenValidationResult Valid(CognitoToken token) => new(token, CognitoTokenFailure.None, TimeSpan.Zero);

    internal static CognitoTokenValidationResult Rejected(CognitoTokenFailure failure) => new(null, failure, TimeSpan.Zero);

    internal static CognitoTokenValidationResult WrongIssuer(string? untrustedIssuer) =>
        new(null, CognitoTokenFailure.WrongIssuer, TimeSpan.Zero, untrustedIssuer);

    internal static CognitoTokenValidationResult Unavailable(TimeSpan retryAfter) => new(null, CognitoTokenFailure.KeysUnavailable, retryAfter);

    /// <inheritdoc />
    public bool Equals(CognitoTokenValidationResult other) =>
        ReferenceEquals(Token, other.Token) && Failure == other.Failure && RetryAfter == other.RetryAfter;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CognitoTokenValidationResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Token, Failure, RetryAfter);

    /// <summary>Equality of two verdicts.</summary>
    public static bool operator ==(CognitoTokenValidationResult left, CognitoTokenValidationResult right) => left.Equals(right);

    /// <summary>Inequality of two verdicts.</summary>
    public static bool operator !=(CognitoTokenValidationResult left, CognitoTokenValidationResult right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsValid ? "Valid" : Failure.ToString();
}
