namespace CognitoFunctions.Authentication;

/// <summary>Why a token was rejected. Every rejection names exactly one reason.</summary>
public enum CognitoTokenFailure
{
    /// <summary>The token was accepted.</summary>
    None = 0,

    /// <summary>Not a compact JWS: empty, too long, not three parts, not base64url, or header or payload not a JSON object.</summary>
    Malformed,

    /// <summary>A five-part (encrypted) token, such as a Cognito refresh token.</summary>
    Encrypted,

    /// <summary>A header or claim name appears twice.</summary>
    DuplicateClaim,

    /// <summary>A known header parameter or claim has the wrong JSON type (e.g. a numeric <c>iss</c>, a string <c>exp</c>).</summary>
    InvalidClaimType,

    /// <summary><c>alg</c> missing or other than RS256 (<c>none</c>, HS256 and the rest), or a critical header extension.</summary>
    UnsupportedAlgorithm,

    /// <summary>No <c>kid</c> in the header.</summary>
    MissingKeyId,

    /// <summary>The <c>kid</c> is not in the pool's JWKS (after at most one refetch per penalty window).</summary>
    UnknownKeyId,

    /// <summary>The JWKS lists the <c>kid</c>, but not as an RS256 signature key (wrong <c>kty</c>, <c>use</c> or <c>alg</c>, missing or short modulus).</summary>
    UnusableKey,

    /// <summary><c>iss</c> missing or not the issuer of a trusted pool.</summary>
    WrongIssuer,

    /// <summary>No <c>token_use</c> claim.</summary>
    MissingTokenUse,

    /// <summary><c>token_use</c> is neither <c>id</c> nor <c>access</c>.</summary>
    InvalidTokenUse,

    /// <summary>An ID token's <c>aud</c>, or an access token's <c>client_id</c>, is not a client of the pool.</summary>
    WrongClient,

    /// <summary>No <c>sub</c> claim.</summary>
    MissingSubject,

    /// <summary>No <c>exp</c> claim.</summary>
    MissingExpiration,

    /// <summary><c>exp</c> is past, beyond the clock skew.</summary>
    Expired,

    /// <summary><c>nbf</c> is in the future, beyond the clock skew.</summary>
    NotYetValid,

    /// <summary><c>nbf</c> is after <c>exp</c>.</summary>
    InvalidLifetime,

    /// <summary>The RS256 signature does not verify with the key named by <c>kid</c>.</summary>
    BadSignature,

    /// <summary>The pool's JWKS could not be fetched and no keys are known yet: not the client's fault.</summary>
    KeysUnavailable,
}
