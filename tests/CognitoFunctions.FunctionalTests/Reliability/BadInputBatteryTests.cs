using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Malformed requests, every one against every JSON endpoint: only 4xx, always problem details, never a stack trace
/// or an internal message, and nothing created in Cognito.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class BadInputBatteryTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    /// <summary>One malformed request: a body and its content type.</summary>
    public sealed record BadRequest(string Name, byte[] Body, string? ContentType)
    {
        public override string ToString() => Name;
    }

    private const string Json = "application/json";

    private static readonly string[] Endpoints =
    [
        "/api/user/signup", "/api/user/login", "/api/user/refresh", "/api/user/password/forgot",
        "/api/user/password/confirm", "/api/user/password/change", "/api/user/logout", "/api/user/delete",
    ];

    // The email of every case that names one: none may exist in Cognito afterwards.
    private const string Probe = "battery-probe@example.com";

    private static readonly BadRequest[] Cases =
    [
        Text("empty body", "", Json),
        Text("open brace", "{", Json),
        Text("close brace", "}", Json),
        Text("array", "[]", Json),
        Text("null", "null", Json),
        Text("true", "true", Json),
        Text("number", "123", Json),
        Text("string", "\"a string\"", Json),
        Text("missing value", "{\"email\": }", Json),
        Text("truncated", "{\"email\":\"" + Probe + "\",\"password\":\"Abc", Json),
        Text("deeply nested arrays", "{\"email\":" + new string('[', 5000) + new string(']', 5000) + "}", Json),
        Text("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200), Json),
        Text("duplicate key", "{\"email\":\"" + Probe + "\",\"email\":\"other@example.com\",\"password\":\"x\"}", Json),
        Text("email is a number", "{\"email\":5,\"password\":\"x\"}", Json),
        Text("email is an array", "{\"email\":[\"" + Probe + "\"],\"password\":\"x\"}", Json),
        Text("email is an object", "{\"email\":{\"value\":\"" + Probe + "\"},\"password\":\"x\"}", Json),
        Text("email is a boolean", "{\"email\":true,\"password\":\"x\"}", Json),
        Text("password is a number", "{\"email\":\"not-an-email\",\"password\":12345678,\"newPassword\":1,\"currentPassword\":2,\"refreshToken\":3}", Json),
        Text("every field null", "{\"email\":null,\"password\":null,\"refreshToken\":null,\"code\":null,\"newPassword\":null,\"currentPassword\":null}", Json),
        Text("empty strings", "{\"email\":\"\",\"password\":\"\",\"refreshToken\":\"\",\"code\":\"\",\"newPassword\":\"\",\"currentPassword\":\"\"}", Json),
        Text("whitespace strings", "{\"email\":\"   \",\"password\":\"   \",\"refreshToken\":\"   \",\"code\":\"  \",\"newPassword\":\"   \",\"currentPassword\":\" \"}", Json),
        Text("huge email", "{\"email\":\"" + new string('a', 12000) + "@example.com\",\"password\":\"x\"}", Json),
        Text("huge strings everywhere", "{\"email\":\"" + new string('e', 2000) + "\",\"password\":\"" + new string('p', 2000) + "\",\"refreshToken\":\"" + new string('r', 9000) + "\"}", Json),
        Text("NUL in email", "{\"email\":\"batt\\u0000ery@example.com\",\"password\":\"x\"}", Json),
        Text("newline in email", "{\"email\":\"batt\\nery@example.com\",\"password\":\"x\"}", Json),
        Text("RTL override in email", "{\"email\":\"batt\\u202Eery@example.com\",\"password\":\"x\"}", Json),
        Text("spaces in email", "{\"email\":\"batt ery@example.com\",\"password\":\"x\"}", Json),
        Text("lone surrogate", "{\"email\":\"\\uD800@example.com\",\"password\":\"x\"}", Json),
        new("invalid UTF-8", [.. "{\"email\":\"a"u8, 0xC3, 0x28, .. "\"}"u8], Json),
        new("UTF-16 body", Encoding.Unicode.GetBytes("{\"email\":\"" + Probe + "\"}"), Json),
        new("one megabyte", Encoding.UTF8.GetBytes("{\"email\":\"" + new string('a', 1024 * 1024) + "\"}"), Json),
        new("16 KiB and one byte", Encoding.UTF8.GetBytes("{\"email\":\"" + new string('a', (16 * 1024) - 11) + "\"}"), Json),
        Text("text/plain", "{\"email\":\"" + Probe + "\"}", "text/plain"),
        Text("no content type", "{\"email\":\"" + Probe + "\"}", null),
        Text("xml", "<email>" + Probe + "</email>", "application/xml"),
        Text("form", "email=" + Probe + "&password=x", "application/x-www-form-urlencoded"),
        Text("multipart", "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n" + Probe + "\r\n--b--", "multipart/form-data; boundary=b"),
        Text("json in latin-1", "{\"email\":\"" + Probe + "\"}", "application/json; charset=iso-8859-1"),
        Text("comment", "{/* hi */\"email\":\"" + Probe + "\"}", Json),
        Text("trailing comma", "{\"email\":\"" + Probe + "\",}", Json),
        Text("single quotes", "{'email':'" + Probe + "'}", Json),
        Text("NaN", "{\"email\":NaN}", Json),
        Text("number overflow", "{\"email\":1e999}", Json),
        Text("prototype pollution keys", "{\"__proto__\":{\"admin\":true},\"constructor\":{\"prototype\":{}},\"email\":\"not-an-email\"}", Json),
        Text("very long key", "{\"" + new string('k', 10000) + "\":1,\"email\":\"not-an-email\"}", Json),
        Text("two documents", "{\"email\":\"" + Probe + "\"}{\"email\":\"x\"}", Json),
        Text("control characters raw", "{\"email\":\"a\u0001b@example.com\"}", Json),
    ];

    public static TheoryData<string, BadRequest> Battery()
    {
        var data = new TheoryData<string, BadRequest>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var request in Cases)
            {
                data.Add(endpoint, request);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Battery))]
    public async Task A_malformed_request_gets_a_4xx_problem_and_creates_nothing(string endpoint, BadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bearer = endpoint is "/api/user/password/change" or "/api/user/logout" or "/api/user/delete" ? await AccessTokenAsync() : null;
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(request.Body) };
        if (request.ContentType is not null)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        if (bearer is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        using var response = await Client.SendAsync(message);

        var text = await response.Content.ReadAsStringAsync();
        if (endpoint == "/api/user/logout" && response.StatusCode == HttpStatusCode.NoContent)
        {
            // Logout's body is optional and only refreshToken counts: an empty body, or a JSON object without a
            // refresh token, is a plain logout.
            Assert.True(IsLogoutWithoutRefreshToken(request), $"{endpoint} {request.Name}: 204");
            return;
        }

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{endpoint} {request.Name}: {(int)response.StatusCode} {text}");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.StartsWith("/problems/", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var leak in new[] { "Exception", "   at ", "System.", "Microsoft.", "Cognito said", "__type" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }

        await AssertNoUserAsync(Probe);
    }

    [Theory]
    [InlineData("o'brien+{0}@mail.example.co.uk")]
    [InlineData("first.last.{0}@example.io")]
    [InlineData("{{weird}}|~`!#$%^&*={0}@example.org")]
    [InlineData("UPPER.{0}@EXAMPLE.COM")]
    [InlineData("josé.{0}@bücher.de")]
    public async Task Odd_but_valid_emails_sign_up_and_log_in(string pattern)
    {
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("N")[..8]);

        using var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });

        Assert.True(signUp.StatusCode == HttpStatusCode.Created, $"{email}: {(int)signUp.StatusCode} {await signUp.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData("Abcde1!x", HttpStatusCode.Created)]
    [InlineData("Abcd1!x", HttpStatusCode.BadRequest)]
    [InlineData("<256 characters>", HttpStatusCode.Created)]
    [InlineData("<257 characters>", HttpStatusCode.BadRequest)]
    [InlineData(" Abcde1!x", HttpStatusCode.BadRequest)]
    [InlineData("abcdef1!", HttpStatusCode.BadRequest)]
    public async Task Passwords_at_the_policy_boundaries(string password, HttpStatusCode expected)
    {
        password = password switch
        {
            "<256 characters>" => "Aa1!" + new string('x', 252),
            "<257 characters>" => "Aa1!" + new string('x', 253),
            _ => password,
        };

        using var response = await Client.PostJsonAsync("/api/user/signup", new { email = AccountClient.NewEmail("boundary"), password });

        Assert.Equal(expected, response.StatusCode);
    }

    private string? _accessToken;

    private async Task<string> AccessTokenAsync() =>
        _accessToken ??= (await Client.SignedInUserAsync())["accessToken"]!.GetValue<string>();

    private async Task AssertNoUserAsync(string email)
    {
        var users = await Fixture.Cognito.Api.CallAsync("ListUsers", new JsonObject
        {
            ["UserPoolId"] = Fixture.Cognito.Pool.UserPoolId,
            ["Filter"] = $"email = \"{email}\"",
        });
        Assert.Empty(users["Users"]!.AsArray());
    }

    private static bool IsLogoutWithoutRefreshToken(BadRequest request)
    {
        if (request.Body.Length == 0)
        {
            return true;
        }

        try
        {
            return request.ContentType == Json
                && JsonNode.Parse(request.Body) is JsonObject body
                && (body["refreshToken"] is null || body["refreshToken"]!.GetValueKind() == System.Text.Json.JsonValueKind.String && body["refreshToken"]!.GetValue<string>().Length == 0);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static BadRequest Text(string name, string body, string? contentType) => new(name, Encoding.UTF8.GetBytes(body), contentType);
}
