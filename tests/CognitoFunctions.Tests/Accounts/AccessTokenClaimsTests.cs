using System.Buffers.Text;
using System.Text;
using CognitoFunctions.Accounts;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// Reading the access token Cognito returns at login: a token that cannot be read as Cognito issues it is a
/// <see cref="FormatException"/> (which the account flows answer as upstream-error), never another exception.
/// </summary>
public sealed class AccessTokenClaimsTests
{
    private const string Header = "eyJhbGciOiJSUzI1NiJ9";
    private const string Signature = "c2lnbmF0dXJl";

    [Fact]
    public void Cognitos_claims_are_read()
    {
        var claims = AccessTokenClaims.Read(Token("""{"sub":"7d1c0e52-sub","username":"7d1c0e52","iat":1700000000,"exp":1700003600,"token_use":"access"}"""));

        Assert.Equal(new AccessTokenClaims("7d1c0e52", "7d1c0e52-sub", 1700000000, 1700003600), claims);
    }

    [Theory]
    [InlineData("not-a-jws")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9..c2lnbmF0dXJl")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30$.c2lnbmF0dXJl")]
    public void A_token_that_is_not_a_compact_JWS_is_a_format_error(string token)
    {
        Assert.Throws<FormatException>(() => AccessTokenClaims.Read(token));
        Assert.Throws<FormatException>(() => AccessTokenClaims.EnsureJws(token, "ID"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"username":"u","iat":"1700000000","exp":1700003600}""")]
    [InlineData("""{"username":"u","iat":1700000000,"exp":1.7e9}""")]
    [InlineData("""{"username":"u","iat":1700000000,"exp":99999999999999999999}""")]
    [InlineData("""{"username":42,"iat":1700000000,"exp":1700003600}""")]
    public void Claims_of_another_JSON_type_or_a_payload_that_is_not_a_JSON_object_are_a_format_error(string payload)
    {
        Assert.Throws<FormatException>(() => AccessTokenClaims.Read(Token(payload)));
    }

    private static string Token(string payload) => $"{Header}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{Signature}";
}
