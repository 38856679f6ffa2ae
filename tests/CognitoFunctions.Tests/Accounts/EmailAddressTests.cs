using CognitoFunctions.Accounts;

namespace CognitoFunctions.Tests.Accounts;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("name@example.com")]
    [InlineData("o'brien+newsletter@mail.example.co.uk")]
    [InlineData("first.last@example.io")]
    [InlineData("x@e.co")]
    [InlineData("user_name-1@sub-domain.example.com")]
    [InlineData("{weird}|~`!#$%^&*=?@example.org")]
    [InlineData("josé@bücher.de")]
    [InlineData("UPPER@EXAMPLE.COM")]
    public void Odd_but_valid_addresses_are_accepted(string email) => Assert.Null(EmailAddress.Validate(email));

    [Theory]
    [InlineData(null, "Required.")]
    [InlineData("", "Required.")]
    [InlineData("   ", "Required.")]
    [InlineData("plainaddress", "email address")]
    [InlineData("@example.com", "email address")]
    [InlineData("name@", "email address")]
    [InlineData("a@b@example.com", "email address")]
    [InlineData(".name@example.com", "email address")]
    [InlineData("name.@example.com", "email address")]
    [InlineData("na..me@example.com", "email address")]
    [InlineData("name@example", "email address")]
    [InlineData("name@-example.com", "email address")]
    [InlineData("name@example-.com", "email address")]
    [InlineData("name@example..com", "email address")]
    [InlineData("name@127.0.0.1", "email address")]
    [InlineData("name@[127.0.0.1]", "email address")]
    [InlineData("\"quoted\"@example.com", "email address")]
    [InlineData("na me@example.com", "email address")]
    [InlineData("name\u0000@example.com", "email address")]
    [InlineData("name\n@example.com", "email address")]
    public void Malformed_addresses_are_refused(string? email, string expected) =>
        Assert.Contains(expected, EmailAddress.Validate(email), StringComparison.Ordinal);

    [Fact]
    public void Length_limits_hold_at_their_boundaries()
    {
        var local64 = new string('a', 64);
        var domainFor254 = new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 254 - 64 - 1 - 63 - 1 - 63 - 1 - 4) + ".com";
        Assert.Equal(254, $"{local64}@{domainFor254}".Length);

        Assert.Null(EmailAddress.Validate($"{local64}@example.com"));
        Assert.NotNull(EmailAddress.Validate($"{local64}a@example.com"));
        Assert.Null(EmailAddress.Validate($"{local64}@{domainFor254}"));
        Assert.Contains("at most 254", EmailAddress.Validate($"{local64}@{domainFor254}x"), StringComparison.Ordinal);
        Assert.NotNull(EmailAddress.Validate($"a@{new string('b', 64)}.com"));
    }
}
