namespace CognitoFunctions.Benchmarks;

/// <summary>How a generated token differs from a valid one.</summary>
internal enum TokenKind
{
    Valid,
    BadSignature,
    Expired,
    WrongIssuer,
    WrongClient,
    UnknownKid,
}
