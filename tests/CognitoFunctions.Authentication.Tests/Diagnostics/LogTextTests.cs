namespace CognitoFunctions.Authentication.Tests.Diagnostics;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC", "\"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC\"")]
    [InlineData("", "\"\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\r\nForged: entry", "\"line\\u000D\\u000AForged: entry\"")]
    [InlineData("tab\tnul\0del\u007f", "\"tab\\u0009nul\\u0000del\\u007F\"")]
    [InlineData("next\u0085sep\u2028\u2029", "\"next\\u0085sep\\u2028\\u2029\"")]
    [InlineData("admin\u202egnp.exe", "\"admin\\u202Egnp.exe\"")]
    [InlineData("p\u0430ypal", "\"p\\u0430ypal\"")]
    [InlineData("\ud83d\ude00", "\"\\uD83D\\uDE00\"")]
    public void A_value_is_quoted_and_everything_outside_printable_ASCII_is_escaped(string value, string expected) =>
        Assert.Equal(expected, LogText.Quote(value));

    [Fact]
    public void A_lone_surrogate_is_escaped_like_any_other_code_unit() =>
        Assert.Equal("\"a\\uD800b\"", LogText.Quote("a" + '\ud800' + "b"));

    [Fact]
    public void No_value_is_written_as_none() => Assert.Equal("(none)", LogText.Quote(null));

    [Fact]
    public void A_value_at_the_bound_is_kept_whole_and_a_longer_one_is_cut_with_the_count_of_what_was_left_out()
    {
        var atBound = new string('a', LogText.MaxCharacters);

        Assert.Equal($"\"{atBound}\"", LogText.Quote(atBound));
        Assert.Equal($"\"{atBound}\"... (1 more characters)", LogText.Quote(atBound + "b"));
        Assert.Equal($"\"{atBound}\"... (5000 more characters)", LogText.Quote(atBound + new string('\n', 5000)));
    }
}
