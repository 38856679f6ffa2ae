using CognitoFunctions.Authentication.Tests.Support;

namespace CognitoFunctions.Authentication.Tests.Tokens;

/// <summary>The validated-token cache: hits, expiry with the token, the bound, and the switch to turn it off.</summary>
public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public async Task A_cached_token_is_answered_until_it_expires_and_then_rejected_as_expired()
    {
        await using var harness = await AuthHarness.StartAsync();
        var token = TestToken.Id(harness.Now).Set("exp", harness.Now.AddSeconds(60).ToUnixTimeSeconds()).Encode();
        Assert.True((await harness.ValidateAsync(token)).IsValid);

        harness.Time.Advance(TimeSpan.FromSeconds(60 + 30));
        Assert.True(harness.Validator.TryGetCached(token, out _));
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(harness.Validator.TryGetCached(token, out _));
        Assert.Equal(0, harness.Cache.Count);
        Assert.Equal(CognitoTokenFailure.Expired, (await harness.ValidateAsync(token)).Failure);
    }

    [Fact]
    public async Task A_full_cache_drops_the_tokens_that_expire_first()
    {
        await using var harness = await AuthHarness.StartAsync(settings => settings["CognitoAuth:CacheSize"] = "3");
        var tokens = Enumerable.Range(1, 5)
            .Select(i => TestToken.Id(harness.Now).Set("exp", harness.Now.AddMinutes(10 * i).ToUnixTimeSeconds()).Encode())
            .ToList();

        foreach (var token in tokens)
        {
            Assert.True((await harness.ValidateAsync(token)).IsValid);
        }

        Assert.Equal(3, harness.Cache.Count);
        Assert.False(harness.Validator.TryGetCached(tokens[0], out _));
        Assert.False(harness.Validator.TryGetCached(tokens[1], out _));
        Assert.True(harness.Validator.TryGetCached(tokens[2], out _));
        Assert.True(harness.Validator.TryGetCached(tokens[3], out _));
        Assert.True(harness.Validator.TryGetCached(tokens[4], out _));
    }

    [Fact]
    public async Task A_full_cache_drops_expired_tokens_before_live_ones()
    {
        await using var harness = await AuthHarness.StartAsync(settings => settings["CognitoAuth:CacheSize"] = "3");
        var shortLived = TestToken.Id(harness.Now).Set("exp", harness.Now.AddSeconds(10).ToUnixTimeSeconds()).Encode();
        var longLived = Enumerable.Range(1, 3).Select(i => TestToken.Access(harness.Now).Set("jti", $"long-{i}").Encode()).ToList();
        await harness.ValidateAsync(shortLived);
        await harness.ValidateAsync(longLived[0]);
        await harness.ValidateAsync(longLived[1]);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.ValidateAsync(longLived[2]);

        Assert.Equal(3, harness.Cache.Count);
        Assert.All(longLived, t => Assert.True(harness.Validator.TryGetCached(t, out _)));
    }

    [Fact]
    public async Task A_cache_size_of_zero_turns_the_cache_off()
    {
        await using var harness = await AuthHarness.StartAsync(settings => settings["CognitoAuth:CacheSize"] = "0");
        var token = TestToken.Id(harness.Now).Encode();

        var first = await harness.ValidateAsync(token);
        var second = await harness.ValidateAsync(token);

        Assert.True(first.IsValid && second.IsValid);
        Assert.NotSame(first.Token, second.Token);
        Assert.Equal(0, harness.Cache.Count);
    }

    [Fact]
    public async Task Tokens_that_share_their_last_characters_are_still_told_apart_by_the_whole_string()
    {
        await using var harness = await AuthHarness.StartAsync();
        var token = TestToken.Id(harness.Now).Encode();
        await harness.ValidateAsync(token);
        var sameTail = (token[0] == 'e' ? "f" : "e") + token[1..];

        Assert.Equal(TokenKeyComparer.Instance.GetHashCode(token), TokenKeyComparer.Instance.GetHashCode(sameTail.AsSpan()));
        Assert.False(harness.Validator.TryGetCached(sameTail, out _));
        Assert.True(harness.Validator.TryGetCached(token, out _));
    }

    [Fact]
    public async Task The_cache_is_keyed_by_the_whole_token_so_a_token_differing_in_one_character_is_a_miss()
    {
        await using var harness = await AuthHarness.StartAsync();
        var token = TestToken.Id(harness.Now).Encode();
        await harness.ValidateAsync(token);

        // A character in the middle: the comparer's hash reads only the last characters, so the altered token lands
        // on the cached one's hash and only the comparison of the whole strings tells them apart.
        var firstDot = token.IndexOf('.');
        var middle = firstDot + ((token.LastIndexOf('.') - firstDot) / 2);
        var altered = string.Concat(token.AsSpan(0, middle), token[middle] == 'A' ? "B" : "A", token.AsSpan(middle + 1));

        Assert.Equal(TokenKeyComparer.Instance.GetHashCode(token), TokenKeyComparer.Instance.GetHashCode(altered));
        Assert.False(harness.Validator.TryGetCached(altered, out _));
        Assert.False((await harness.ValidateAsync(altered)).IsValid);
    }
}
