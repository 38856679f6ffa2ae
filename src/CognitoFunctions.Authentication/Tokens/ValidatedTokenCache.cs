using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Tokens that passed validation, keyed by the token string itself (ordinal; never by a hash a forger could
/// collide), so a repeated token costs a lookup instead of an RSA verification. An entry is answered only while the
/// full validation would still accept it: until <c>exp</c> plus the clock skew, and while its key is in the JWKS.
/// Bounded in count: when full, expired entries go first, then those expiring soonest.
/// </summary>
internal sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<string, CognitoToken> _entries = new(TokenKeyComparer.Instance);
    private readonly ConcurrentDictionary<string, CognitoToken>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _trimGate = new();
    private readonly int _capacity;
    private int _count;

    public ValidatedTokenCache(IOptions<CognitoAuthOptions> options)
    {
        _capacity = options.Value.CacheSize;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(ReadOnlySpan<char> token, long nowTicks, long skewTicks, out CognitoToken validated)
    {
        if (!_lookup.TryGetValue(token, out validated!))
        {
            return false;
        }

        if (validated.IsCurrent(nowTicks, skewTicks))
        {
            return true;
        }

        Remove(validated);
        validated = null!;
        return false;
    }

    public void Add(CognitoToken validated, long nowTicks, long skewTicks)
    {
        if (_capacity == 0)
        {
            return;
        }

        if (Volatile.Read(ref _count) >= _capacity)
        {
            Trim(nowTicks, skewTicks);
            if (Volatile.Read(ref _count) >= _capacity)
            {
                return;
            }
        }

        if (_entries.TryAdd(validated.EncodedToken, validated))
        {
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>Drops the tokens signed by keys that left their JWKS.</summary>
    public void RemoveSignedBy(IReadOnlyCollection<SigningKey> keys)
    {
        foreach (var entry in _entries)
        {
            if (keys.Contains(entry.Value.SigningKey))
            {
                Remove(entry.Value);
            }
        }
    }

    private void Remove(CognitoToken validated)
    {
        // The entry's key is the token's own string; removing the pair leaves a newer entry for it in place.
        if (_entries.TryRemove(new KeyValuePair<string, CognitoToken>(validated.EncodedToken, validated)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private void Trim(long nowTicks, long skewTicks)
    {
        lock (_trimGate)
        {
            if (Volatile.Read(ref _count) < _capacity)
            {
                return;
            }

            foreach (var entry in _entries)
            {
                if (!entry.Value.IsCurrent(nowTicks, skewTicks))
                {
                    Remove(entry.Value);
                }
            }

            // Still full of live tokens: make room for a tenth of the capacity, dropping those that expire first.
            var excess = Volatile.Read(ref _count) - (_capacity - Math.Max(1, _capacity / 10));
            if (excess <= 0)
            {
                return;
            }

            foreach (var entry in _entries.OrderBy(e => e.Value.ExpiresAtTicks).Take(excess).ToList())
            {
                Remove(entry.Value);
            }
        }
    }
}
