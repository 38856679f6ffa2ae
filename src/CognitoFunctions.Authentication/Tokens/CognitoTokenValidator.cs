using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Validates Cognito tokens with our own compact parsing (base64url and <see cref="System.Text.Json.Utf8JsonReader"/>
/// into stack buffers) and the BCL's RSA. Cheap checks come first, in this order: structure, <c>alg</c>, <c>kid</c>,
/// claim types and top-level duplicates, <c>iss</c>, <c>token_use</c>, client, <c>sub</c>, <c>exp</c> / <c>nbf</c>;
/// then duplicates inside nested values (a second parse, owed only by tokens that nest objects); then the key and the
/// signature. So expired, foreign and malformed tokens cost no RSA, and nothing is accepted before the
/// signature holds. Accepted tokens are cached by their string.
/// </summary>
internal sealed class CognitoTokenValidator : ICognitoTokenValidator
{
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private readonly IReadOnlyList<TrustedPool> _pools;
    private readonly ValidatedTokenCache _cache;
    private readonly TimeProvider _time;
    private readonly long _skewTicks;

    public CognitoTokenValidator(TrustedPoolRegistry pools, ValidatedTokenCache cache, TimeProvider time, IOptions<CognitoAuthOptions> options)
    {
        _pools = pools.Pools;
        _cache = cache;
        _time = time;
        _skewTicks = options.Value.ClockSkew.Ticks;
    }

    public ValueTask<CognitoTokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = _time.GetUtcNow().UtcTicks;
        if (_cache.TryGet(token, now, _skewTicks, out var cached))
        {
            return ValueTask.FromResult(CognitoTokenValidationResult.Valid(cached));
        }

        return Validate(token, now, mayFetch: true, cancellationToken);
    }

    /// <summary>The cache alone, from a span of the Authorization header: no allocation on a hit.</summary>
    public bool TryGetCached(ReadOnlySpan<char> token, out CognitoToken validated) =>
        _cache.TryGet(token, _time.GetUtcNow().UtcTicks, _skewTicks, out validated);

    private async ValueTask<CognitoTokenValidationResult> ValidateAfterFetchAsync(string token, Task fetch, CancellationToken cancellationToken)
    {
        await fetch.WaitAsync(cancellationToken);
        return await Validate(token, _time.GetUtcNow().UtcTicks, mayFetch: false, cancellationToken);
    }

    /// <summary>
    /// The verdict; completed at once unless the token needs keys not yet held and <paramref name="mayFetch"/>: then
    /// it waits for the fetch (joined or started) and validates the token again, without fetching a second time.
    /// </summary>
    private ValueTask<CognitoTokenValidationResult> Validate(string token, long now, bool mayFetch, CancellationToken cancellationToken)
    {
        var span = token.AsSpan();
        if (span.Length == 0 || span.Length > JsonLimits.MaxTokenLength)
        {
            return Reject(CognitoTokenFailure.Malformed);
        }

        var dots = span.Count('.');
        if (dots == 4)
        {
            return Reject(CognitoTokenFailure.Encrypted);
        }

        if (dots != 2 || span.ContainsAnyExcept(TokenCharacters))
        {
            return Reject(CognitoTokenFailure.Malformed);
        }

        var firstDot = span.IndexOf('.');
        var secondDot = firstDot + 1 + span[(firstDot + 1)..].IndexOf('.');
        var headerChars = span[..firstDot];
        var payloadChars = span[(firstDot + 1)..secondDot];
        var signatureChars = span[(secondDot + 1)..];
        if (headerChars.IsEmpty || payloadChars.IsEmpty)
        {
            return Reject(CognitoTokenFailure.Malformed);
        }

        // Header: alg and kid.
        Span<byte> headerBytes = stackalloc byte[JsonLimits.MaxHeaderBytes];
        if (Base64Url.GetMaxDecodedLength(headerChars.Length) > headerBytes.Length
            || !Base64UrlSegment.TryDecode(headerChars, headerBytes, out var headerLength))
        {
            return Reject(CognitoTokenFailure.Malformed);
        }

        Span<char> keyId = stackalloc char[JsonLimits.MaxKeyIdLength];
        var failure = TokenHeader.Parse(headerBytes[..headerLength], keyId, out var header);
        if (failure != CognitoTokenFailure.None)
        {
            return Reject(failure);
        }

        if (!header.IsRs256 || header.HasCritical)
        {
            return Reject(CognitoTokenFailure.UnsupportedAlgorithm);
        }

        if (header.KeyIdLength == 0)
        {
            return Reject(CognitoTokenFailure.MissingKeyId);
        }

        // Payload: the claims, checked before any RSA.
        byte[]? rented = null;
        try
        {
            var payloadCapacity = Base64Url.GetMaxDecodedLength(payloadChars.Length);
            var payloadBytes = payloadCapacity <= JsonLimits.StackPayloadBytes
                ? stackalloc byte[JsonLimits.StackPayloadBytes]
                : (rented = ArrayPool<byte>.Shared.Rent(payloadCapacity));
            if (!Base64UrlSegment.TryDecode(payloadChars, payloadBytes, out var payloadLength))
            {
                return Reject(CognitoTokenFailure.Malformed);
            }

            failure = TokenPayload.Parse(payloadBytes[..payloadLength], _pools, out var claims);
            if (failure == CognitoTokenFailure.None)
            {
                failure = CheckClaims(claims, now, out var clientId);
                if (failure == CognitoTokenFailure.None
                    && ((header.NamesUnchecked && JsonDuplicateCheck.HasDuplicates(headerBytes[..headerLength]))
                        || (claims.NamesUnchecked && JsonDuplicateCheck.HasDuplicates(payloadBytes[..payloadLength]))))
                {
                    failure = CognitoTokenFailure.DuplicateClaim;
                }

                if (failure == CognitoTokenFailure.None)
                {
                    return Verify(token, secondDot, signatureChars, keyId[..Math.Max(header.KeyIdLength, 0)], header.KeyIdLength < 0, claims, clientId!, mayFetch, cancellationToken);
                }
            }

            return failure == CognitoTokenFailure.WrongIssuer
                ? ValueTask.FromResult(CognitoTokenValidationResult.WrongIssuer(claims.UntrustedIssuer))
                : Reject(failure);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private CognitoTokenFailure CheckClaims(in TokenPayload claims, long now, out string? clientId)
    {
        clientId = null;
        if (claims.Pool is not { } pool)
        {
            return CognitoTokenFailure.WrongIssuer;
        }

        if (!claims.HasTokenUse)
        {
            return CognitoTokenFailure.MissingTokenUse;
        }

        clientId = claims.TokenUse switch
        {
            CognitoTokenUse.Id => pool.FindClient(claims.Audience),
            CognitoTokenUse.Access => pool.FindClient(claims.ClientId),
            _ => null,
        };
        if (claims.TokenUse == CognitoTokenUse.Any)
        {
            return CognitoTokenFailure.InvalidTokenUse;
        }

        if (clientId is null)
        {
            return CognitoTokenFailure.WrongClient;
        }

        if (string.IsNullOrEmpty(claims.Subject))
        {
            return CognitoTokenFailure.MissingSubject;
        }

        if (claims.Expires is not { } expires)
        {
            return CognitoTokenFailure.MissingExpiration;
        }

        var expiresTicks = NumericDate.ToTicks(expires);
        var notBeforeTicks = claims.NotBefore is { } nbf ? NumericDate.ToTicks(nbf) : (long?)null;
        if (notBeforeTicks > expiresTicks)
        {
            return CognitoTokenFailure.InvalidLifetime;
        }

        if (NumericDate.IsExpired(expiresTicks, now, _skewTicks))
        {
            return CognitoTokenFailure.Expired;
        }

        return notBeforeTicks is { } notBefore && NumericDate.IsNotYetValid(notBefore, now, _skewTicks)
            ? CognitoTokenFailure.NotYetValid
            : CognitoTokenFailure.None;
    }

    private ValueTask<CognitoTokenValidationResult> Verify(
        string token,
        int secondDot,
        ReadOnlySpan<char> signatureChars,
        ReadOnlySpan<char> keyId,
        bool keyIdTooLong,
        in TokenPayload claims,
        string clientId,
        bool mayFetch,
        CancellationToken cancellationToken)
    {
        var pool = claims.Pool!;
        var keys = pool.Keys.Current;
        if (keys is null)
        {
            return mayFetch && pool.Keys.JoinOrStartFetch() is { } fetch
                ? ValidateAfterFetchAsync(token, fetch, cancellationToken)
                : ValueTask.FromResult(CognitoTokenValidationResult.Unavailable(pool.Keys.RetryAfter()));
        }

        if (keyIdTooLong)
        {
            return Reject(CognitoTokenFailure.UnknownKeyId);
        }

        switch (keys.Find(keyId, out var key))
        {
            case KeyLookup.Unusable:
                return Reject(CognitoTokenFailure.UnusableKey);
            case KeyLookup.Unknown:
                return mayFetch && pool.Keys.JoinOrStartFetch() is { } fetch
                    ? ValidateAfterFetchAsync(token, fetch, cancellationToken)
                    : Reject(CognitoTokenFailure.UnknownKeyId);
        }

        Span<byte> signature = stackalloc byte[JsonLimits.MaxSignatureBytes];
        if (Base64Url.GetMaxDecodedLength(signatureChars.Length) > signature.Length
            || !Base64UrlSegment.TryDecode(signatureChars, signature, out var signatureLength))
        {
            return Reject(CognitoTokenFailure.BadSignature);
        }

        // The signing input is the ASCII of "header.payload", exactly as presented.
        byte[]? rented = null;
        try
        {
            var input = secondDot <= JsonLimits.StackPayloadBytes
                ? stackalloc byte[JsonLimits.StackPayloadBytes]
                : (rented = ArrayPool<byte>.Shared.Rent(secondDot));
            var inputLength = Encoding.ASCII.GetBytes(token.AsSpan(0, secondDot), input);
            if (!key!.Verify(input[..inputLength], signature[..signatureLength]))
            {
                return Reject(CognitoTokenFailure.BadSignature);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        var validated = new CognitoToken(token, (token.IndexOf('.') + 1)..secondDot, key, claims, pool.Issuer, clientId);
        _cache.Add(validated, _time.GetUtcNow().UtcTicks, _skewTicks);
        return ValueTask.FromResult(CognitoTokenValidationResult.Valid(validated));
    }

    private static ValueTask<CognitoTokenValidationResult> Reject(CognitoTokenFailure failure) =>
        ValueTask.FromResult(CognitoTokenValidationResult.Rejected(failure));
}
