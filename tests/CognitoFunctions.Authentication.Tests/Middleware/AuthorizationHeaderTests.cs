namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>Reading the token from the Authorization header value.</summary>
public sealed class AuthorizationHeaderTests
{
    [Theory]
    [InlineData("Bearer a.b.c", "a.b.c")]
    [InlineData("bearer a.b.c", "a.b.c")]
    [InlineData("Bearer\ta.b.c", "a.b.c")]
    [InlineData(" Bearer  a.b.c ", "a.b.c")]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("\ta.b.c\t", "a.b.c")]
    public void A_single_token_is_found_after_Bearer_or_alone(string value, string token)
    {
        var header = AuthorizationHeader.Parse(value);

        Assert.Equal(AuthOutcome.Valid, header.Outcome);
        Assert.Equal(token, header.Token.ToString());
        Assert.Equal(token, header.TokenString());
    }

    [Fact]
    public void A_bare_token_is_used_as_the_header_string_itself()
    {
        const string value = "a.b.c";

        Assert.Same(value, AuthorizationHeader.Parse(value).TokenString());
    }

    [Theory]
    [InlineData("", nameof(AuthOutcome.Missing))]
    [InlineData("   ", nameof(AuthOutcome.Missing))]
    [InlineData("Basic dXNlcjpwYXNz", nameof(AuthOutcome.UnsupportedScheme))]
    [InlineData("Digest username=\"a\"", nameof(AuthOutcome.UnsupportedScheme))]
    [InlineData("Bearer", nameof(AuthOutcome.UnsupportedScheme))]
    [InlineData("Bearer a.b.c,Bearer d.e.f", nameof(AuthOutcome.MultipleTokens))]
    [InlineData("a.b.c,d.e.f", nameof(AuthOutcome.MultipleTokens))]
    [InlineData("Bearer a.b.c d.e.f", nameof(AuthOutcome.MalformedHeader))]
    [InlineData("Bearer Bearer a.b.c", nameof(AuthOutcome.MalformedHeader))]
    public void Anything_else_is_refused_with_its_reason(string value, string outcome)
    {
        Assert.Equal(Enum.Parse<AuthOutcome>(outcome), AuthorizationHeader.Parse(value).Outcome);
    }

    [Fact]
    public void A_header_over_16_KiB_is_refused_unread()
    {
        Assert.Equal(AuthOutcome.HeaderTooLong, AuthorizationHeader.Parse("Bearer " + new string('a', 16 * 1024)).Outcome);
        Assert.Equal(AuthOutcome.Valid, AuthorizationHeader.Parse(new string('a', 8 * 1024) + "." + new string('b', (8 * 1024) - 3) + ".c").Outcome);
    }

    [Fact]
    public void Headers_are_read_raw_and_a_repeated_header_is_several_tokens()
    {
        var headers = new Microsoft.Azure.Functions.Worker.Http.HttpHeadersCollection();
        Assert.Equal(AuthOutcome.Missing, AuthorizationHeader.Read(headers).Outcome);

        headers.TryAddWithoutValidation("authorization", "eyJ.eyJ.sig");
        Assert.Equal(AuthOutcome.Valid, AuthorizationHeader.Read(headers).Outcome);

        headers.TryAddWithoutValidation("Authorization", "Bearer x.y.z");
        Assert.Equal(AuthOutcome.MultipleTokens, AuthorizationHeader.Read(headers).Outcome);
    }
}
