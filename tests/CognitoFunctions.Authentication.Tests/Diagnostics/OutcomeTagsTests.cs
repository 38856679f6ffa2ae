namespace CognitoFunctions.Authentication.Tests.Diagnostics;

public sealed class OutcomeTagsTests
{
    [Fact]
    public void Every_JWKS_fetch_outcome_has_its_own_snake_case_tag()
    {
        var tags = Enum.GetValues<JwksFetchOutcome>().Select(OutcomeTags.Of).ToList();

        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.All(tags, tag => Assert.Matches("^[a-z]+(_[a-z]+)*$", tag));
        Assert.Equal("success", OutcomeTags.Of(JwksFetchOutcome.Success));
        Assert.Equal("http_error", OutcomeTags.Of(JwksFetchOutcome.HttpError));
        Assert.Equal("no_usable_keys", OutcomeTags.Of(JwksFetchOutcome.NoUsableKeys));
    }
}
