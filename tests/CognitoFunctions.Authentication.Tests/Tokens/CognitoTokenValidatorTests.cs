using System.Security.Claims;
using CognitoFunctions.Authentication.Tests.Support;

namespace CognitoFunctions.Authentication.Tests.Tokens;

/// <summary>The checklist of cognito-and-jwt.md: every case of <see cref="TokenCorpus"/>, each with its reason.</summary>
public sealed class CognitoTokenValidatorTests(LoadedHarnessFixture fixture) : IClassFixture<LoadedHarnessFixture>
{
    private AuthHarness Harness => fixture.Harness;

    public static TheoryData<string> InvalidCases => new(TokenCorpus.Invalid.Select(c => c.Name));

    public static TheoryData<string> ValidCases => new(TokenCorpus.Valid.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Rejects_the_token_with_the_reason_of_the_checklist(string name)
    {
        var tokenCase = TokenCorpus.Named(name);

        var result = await Harness.ValidateAsync(tokenCase.Make(Harness.Now));

        Assert.False(result.IsValid);
        Assert.Null(result.Token);
        Assert.Equal(tokenCase.Expected, result.Failure);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public async Task Accepts_the_token(string name)
    {
        var result = await Harness.ValidateAsync(TokenCorpus.Named(name).Make(Harness.Now));

        Assert.True(result.IsValid, $"rejected: {result.Failure}");
        Assert.Equal(CognitoTokenFailure.None, result.Failure);
    }

    [Fact]
    public async Task An_ID_token_exposes_its_claims_under_their_Cognito_meaning()
    {
        var result = await Harness.ValidateAsync(TestToken.Id(Harness.Now).Encode());

        var token = result.Token!;
        Assert.Equal(TestPools.IssuerA, token.Issuer);
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", token.Subject);
        Assert.Equal(CognitoTokenUse.Id, token.TokenUse);
        Assert.Equal(TestPools.ClientA1, token.ClientId);
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", token.Username);
        Assert.Equal("user@example.com", token.Email);
        Assert.Equal(["editors", "admins"], token.Groups);
        Assert.False(token.Groups is string[], "a shared token's groups must not be writable through a cast");
        Assert.Null(token.Scope);
        Assert.Equal(Harness.Now.AddHours(1), token.ExpiresAt);
        Assert.Equal(Harness.Now, token.IssuedAt);
        Assert.Equal("d3b07384-3333-4333-8333-333333333333", token.TokenId);
        Assert.True(token.TryGetClaim("email_verified", out var verified) && verified.GetBoolean());
        Assert.True(token.TryGetClaim("origin_jti", out var originJti) && originJti.GetString() == "0b8a6c1e-1111-4111-8111-111111111111");
        Assert.False(token.TryGetClaim("custom:absent", out _));
    }

    [Fact]
    public async Task An_access_token_exposes_its_client_id_username_and_scopes()
    {
        var result = await Harness.ValidateAsync(TestToken.Access(Harness.Now, client: TestPools.ClientA2).Encode());

        var token = result.Token!;
        Assert.Equal(CognitoTokenUse.Access, token.TokenUse);
        Assert.Equal(TestPools.ClientA2, token.ClientId);
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", token.Username);
        Assert.Null(token.Email);
        Assert.True(token.HasScope("orders/read"));
        Assert.True(token.HasScope("aws.cognito.signin.user.admin"));
        Assert.False(token.HasScope("orders"));
        Assert.False(token.HasScope("orders/write"));
        Assert.True(token.IsInGroup("editors"));
        Assert.False(token.IsInGroup("Editors"));
    }

    [Fact]
    public async Task The_principal_keeps_Cognito_claim_names_with_the_username_as_name_and_groups_as_roles()
    {
        var token = (await Harness.ValidateAsync(TestToken.Id(Harness.Now).Encode())).Token!;

        var principal = token.ToClaimsPrincipal();

        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.Equal("Cognito", principal.Identity.AuthenticationType);
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", principal.Identity.Name);
        Assert.True(principal.IsInRole("admins"));
        Assert.False(principal.IsInRole("root"));
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", principal.GetSub());
        Assert.Equal("user@example.com", principal.GetEmail());
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", principal.GetUsername());
        Assert.Equal(["editors", "admins"], principal.GetGroups());
        Assert.Equal("id", principal.FindFirst("token_use")?.Value);
        Assert.Equal(TestPools.ClientA1, principal.FindFirst("aud")?.Value);
        Assert.Equal(TestPools.IssuerA, principal.FindFirst("iss")?.Value);
        Assert.All(principal.Claims, c => Assert.Equal(TestPools.IssuerA, c.Issuer));
        Assert.NotSame(principal, token.ToClaimsPrincipal());
    }

    [Fact]
    public async Task The_principal_of_an_access_token_carries_client_id_username_and_scope()
    {
        var token = (await Harness.ValidateAsync(TestToken.Access(Harness.Now).Encode())).Token!;

        var principal = token.ToClaimsPrincipal();

        Assert.Equal(TestPools.ClientA1, principal.FindFirst("client_id")?.Value);
        Assert.Null(principal.FindFirst("aud"));
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", principal.FindFirst("username")?.Value);
        Assert.Equal("aws.cognito.signin.user.admin orders/read", principal.FindFirst("scope")?.Value);
        Assert.Null(principal.GetEmail());
        Assert.Equal(principal.GetSub(), principal.GetUsername());
    }

    [Fact]
    public async Task Claims_are_checked_before_the_signature_so_an_expired_forgery_is_rejected_as_expired()
    {
        var forged = TestToken.Id(Harness.Now.AddHours(-3)).SignWith(TestKey.Key3).Encode();

        var result = await Harness.ValidateAsync(forged);

        Assert.Equal(CognitoTokenFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task Names_inside_nested_claims_are_checked_for_duplicates_only_after_the_claims_pass()
    {
        const string Profile = "{\"role\":\"user\",\"role\":\"admin\"}";
        var expired = TestToken.Id(Harness.Now.AddHours(-2)).SetRaw("custom:profile", Profile).Encode();
        var current = TestToken.Id(Harness.Now).SetRaw("custom:profile", Profile).Encode();

        Assert.Equal(CognitoTokenFailure.Expired, (await Harness.ValidateAsync(expired)).Failure);
        Assert.Equal(CognitoTokenFailure.DuplicateClaim, (await Harness.ValidateAsync(current)).Failure);
    }

    [Fact]
    public void An_expired_token_with_nested_claims_costs_no_second_parse()
    {
        const string Identities = "[{\"providerName\":\"Google\",\"userId\":\"1\"}]";
        var nested = TestToken.Id(Harness.Now.AddHours(-2)).SetRaw("identities", Identities).Encode();
        var flat = TestToken.Id(Harness.Now.AddHours(-2)).Encode();

        // The full duplicate check copies the payload and builds a JsonDocument: skipped, the two cost the same.
        // The least of a few rounds, so that a one-off allocation of the runtime's on this thread does not count.
        Assert.Equal(LeastAllocated(flat), LeastAllocated(nested));
    }

    [Fact]
    public async Task Claims_that_pass_are_never_accepted_without_the_signature()
    {
        var forged = TestToken.Access(Harness.Now).SignWith(TestKey.Key3).Encode();

        var result = await Harness.ValidateAsync(forged);

        Assert.Equal(CognitoTokenFailure.BadSignature, result.Failure);
        Assert.False(Harness.Validator.TryGetCached(forged, out _));
    }

    [Fact]
    public async Task A_repeated_token_is_answered_from_the_cache_with_the_same_token_object()
    {
        var token = TestToken.Id(Harness.Now).Set("jti", Guid.NewGuid().ToString()).Encode();

        var first = await Harness.ValidateAsync(token);
        var second = await Harness.ValidateAsync(new string(token.AsSpan()));

        Assert.Same(first.Token, second.Token);
        Assert.True(Harness.Validator.TryGetCached(token.AsSpan(), out var cached));
        Assert.Same(first.Token, cached);
    }

    [Fact]
    public async Task A_cache_hit_allocates_nothing()
    {
        var token = TestToken.Access(Harness.Now).Set("jti", Guid.NewGuid().ToString()).Encode();
        var header = "Bearer " + token;
        await Harness.ValidateAsync(token);
        _ = Harness.Validator.TryGetCached(header.AsSpan(7), out var cached);
        // Groups and scopes, each met by the second one listed: the check walks both lists.
        var policy = CognitoFunctionPolicy.For(typeof(SampleFunctions).GetMethod(nameof(SampleFunctions.EditOrders))!);
        Assert.Equal(AuthOutcome.Valid, policy.Check(cached, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = Harness.Validator.TryGetCached(header.AsSpan(7), out cached);
            _ = Harness.Validator.ValidateAsync(token).Completed();
            _ = policy.Check(cached, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task A_first_seen_token_and_its_principal_allocate_under_4_KB()
    {
        var tokens = Enumerable.Range(0, 21).Select(i => TestToken.Id(Harness.Now).Set("jti", $"first-seen-{i}").Encode()).ToArray();
        _ = (await Harness.ValidateAsync(tokens[0])).Token!.ToClaimsPrincipal().FindFirst("sub");

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var token in tokens[1..])
        {
            _ = Harness.Validator.ValidateAsync(token).Completed().Token!.ToClaimsPrincipal().FindFirst("sub");
        }

        var perToken = (GC.GetAllocatedBytesForCurrentThread() - before) / 20;
        Assert.InRange(perToken, 1, 4096);
    }

    [Fact]
    public async Task Rejections_are_results_not_exceptions_even_for_hostile_input()
    {
        string[] hostile = ["...", ".", "a.b.c.d.e.f", new string('.', 4), "\0.\0.\0", "eyJ9.eyJ9.", new string('A', 20_000), "\u00e9.\u00e9.\u00e9"];

        foreach (var token in hostile)
        {
            var result = await Harness.ValidateAsync(token);
            Assert.False(result.IsValid);
        }
    }

    [Fact]
    public async Task ValidateAsync_rejects_a_null_token_as_a_programming_error()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Harness.Validator.ValidateAsync(null!).AsTask());
    }

    [Fact]
    public void The_principal_type_is_a_plain_ClaimsPrincipal()
    {
        Assert.Equal(typeof(ClaimsPrincipal), typeof(CognitoToken).GetMethod(nameof(CognitoToken.ToClaimsPrincipal))!.ReturnType);
    }

    private long LeastAllocated(string expiredToken)
    {
        var least = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = Harness.Validator.ValidateAsync(expiredToken).Completed();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(CognitoTokenFailure.Expired, result.Failure);
        }

        return least;
    }
}
