using CognitoFunctions.Accounts;

namespace CognitoFunctions.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = PasswordPolicy.Default;

    [Theory]
    [InlineData("Abcdef1!")]
    [InlineData("correct Horse 9 battery")]
    [InlineData("ÄÖÜ-Pass1word")]
    public void A_password_meeting_every_rule_passes(string password) => Assert.Empty(Policy.Check(password));

    [Fact]
    public void The_minimum_length_holds_exactly_at_its_boundary()
    {
        Assert.Empty(Policy.Check("Abcde1!x"));
        Assert.Equal(["Must be at least 8 characters."], Policy.Check("Abcd1!x"));
        Assert.Equal(["Must be at most 256 characters."], Policy.Check("Aa1!" + new string('x', 253)));
        Assert.Empty(Policy.Check("Aa1!" + new string('x', 252)));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var problems = Policy.Check("abc");

        Assert.Equal(
            ["Must be at least 8 characters.", "Must contain an uppercase letter.", "Must contain a number.", "Must contain a symbol such as ! @ # $ % - _."],
            problems);
    }

    [Theory]
    [InlineData(null, "Required.")]
    [InlineData("", "Required.")]
    [InlineData(" Abcdef1!", "Must not begin or end with a space.")]
    [InlineData("Abcdef1! ", "Must not begin or end with a space.")]
    [InlineData("Abc\u0001def1!", "Must not contain control characters.")]
    [InlineData("ABCDEF1!", "Must contain a lowercase letter.")]
    [InlineData("abcdef1!", "Must contain an uppercase letter.")]
    [InlineData("Abcdefg!", "Must contain a number.")]
    [InlineData("Abcdefg1", "Must contain a symbol such as ! @ # $ % - _.")]
    public void Each_rule_is_enforced(string? password, string expected) => Assert.Contains(expected, Policy.Check(password));

    [Fact]
    public void A_policy_without_character_classes_asks_only_for_length()
    {
        var lenient = new PasswordPolicy(12, false, false, false, false);

        Assert.Empty(lenient.Check("aaaaaaaaaaaa"));
        Assert.Equal(["Must be at least 12 characters."], lenient.Check("aaaaaaaaaaa"));
    }
}
