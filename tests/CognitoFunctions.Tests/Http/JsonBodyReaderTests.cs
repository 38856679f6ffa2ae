using System.Text;
using CognitoFunctions.Endpoints.SignUp;
using CognitoFunctions.Http;

namespace CognitoFunctions.Tests.Http;

public sealed class JsonBodyReaderTests
{
    [Fact]
    public async Task A_well_formed_body_becomes_the_model_and_unknown_fields_are_ignored()
    {
        var result = await Read("""{"email":"a@example.com","password":"Pw-1234567","extra":{"nested":[1,2]}}""");

        Assert.Null(result.Problem);
        Assert.Equal(new SignUpRequest("a@example.com", "Pw-1234567"), result.Value);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    [InlineData("application/problem+json")]
    public async Task Json_media_types_are_accepted(string contentType) =>
        Assert.Null((await Read("{}", contentType)).Problem);

    [Theory]
    [InlineData("POST", null, true)]
    [InlineData("POST", 25L, true)]
    [InlineData("POST", null, false)]
    [InlineData("patch", null, false)]
    [InlineData("PUT", null, false)]
    [InlineData("GET", null, true)]
    public void A_body_announced_but_not_delivered_gets_411(string method, long? contentLength, bool transferEncoding) =>
        Assert.Equal(ProblemKind.LengthRequired, JsonBodyReader.CheckDelivered(method, contentLength, transferEncoding)?.Kind);

    [Theory]
    [InlineData("POST", 0L)]
    [InlineData("POST", 25L)]
    [InlineData("GET", null)]
    [InlineData("DELETE", null)]
    public void A_body_with_its_length_or_no_body_at_all_is_delivered(string method, long? contentLength) =>
        Assert.Null(JsonBodyReader.CheckDelivered(method, contentLength, hasTransferEncoding: false));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/jsonx")]
    [InlineData("not a media type")]
    public async Task Other_content_types_get_415(string? contentType)
    {
        var result = await Read("""{"email":"a@example.com"}""", contentType);

        Assert.Equal(ProblemKind.UnsupportedMediaType, result.Problem?.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"email\": }")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"email\":\"a\",\"email\":\"b\"}")]
    [InlineData("{\"email\":\"a\"} trailing")]
    [InlineData("{'email':'a'}")]
    public async Task Malformed_bodies_get_400_malformed_json(string body)
    {
        var result = await Read(body);

        Assert.Equal(ProblemKind.MalformedJson, result.Problem?.Kind);
    }

    [Fact]
    public async Task Deep_nesting_is_refused_before_it_costs_anything()
    {
        var body = "{\"email\":" + new string('[', 5000) + new string(']', 5000) + "}";

        var result = await Read(body);

        Assert.Equal(ProblemKind.MalformedJson, result.Problem?.Kind);
    }

    [Fact]
    public async Task Invalid_utf8_gets_400()
    {
        var bytes = "{\"email\":\"a"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}"u8.ToArray()).ToArray();

        var result = await JsonBodyReader.ReadAsync("application/json", bytes.Length, new MemoryStream(bytes), SignUpJson.Default.SignUpRequest, default);

        Assert.Equal(ProblemKind.MalformedJson, result.Problem?.Kind);
    }

    [Theory]
    [InlineData("{\"email\":\"\\uD800@example.com\"}")]
    [InlineData("{\"email\":\"\\uDC00\"}")]
    [InlineData("{\"password\":\"a\\uD800\\uD800b\"}")]
    public async Task Escaped_lone_surrogates_get_400(string body)
    {
        var result = await Read(body);

        Assert.Equal(ProblemKind.MalformedJson, result.Problem?.Kind);
    }

    [Fact]
    public async Task Wrong_value_types_are_field_errors()
    {
        var result = await Read("""{"email":5,"password":["x"]}""");

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        Assert.Equal(["email", "password"], result.Problem!.Errors!.Keys.Order());
        Assert.Equal(["Must be a string."], result.Problem.Errors["email"]);
    }

    [Fact]
    public async Task Nulls_bind_as_missing_for_validation_to_report()
    {
        var result = await Read("""{"email":null}""");

        Assert.Null(result.Problem);
        Assert.Equal(new SignUpRequest(null, null), result.Value);
    }

    [Fact]
    public async Task The_size_limit_holds_at_its_boundary_whatever_the_declared_length()
    {
        var padding = JsonBodyReader.MaxBodyBytes - """{"email":""}""".Length;
        var atLimit = "{\"email\":\"" + new string('a', padding) + "\"}";
        var overLimit = "{\"email\":\"" + new string('a', padding + 1) + "\"}";

        Assert.Null((await Read(atLimit)).Problem);
        Assert.Equal(ProblemKind.PayloadTooLarge, (await Read(overLimit)).Problem?.Kind);
        Assert.Equal(ProblemKind.PayloadTooLarge, (await Read(overLimit, declaredLength: null)).Problem?.Kind);
        Assert.Equal(ProblemKind.PayloadTooLarge, (await Read("{}", declaredLength: 1_000_000)).Problem?.Kind);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    public async Task A_body_longer_than_its_content_length_is_refused_not_cut(long declaredLength)
    {
        var result = await Read("""{"email":"a@example.com"}""", declaredLength: declaredLength);

        Assert.Equal(ProblemKind.MalformedJson, result.Problem?.Kind);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task Without_a_content_length_the_whole_body_is_read_up_to_the_limit()
    {
        var result = await Read("""{"email":"a@example.com","password":"Pw-1234567"}""", declaredLength: null);

        Assert.Null(result.Problem);
        Assert.Equal("a@example.com", result.Value?.Email);
    }

    private static Task<BodyReadResult<SignUpRequest>> Read(string body, string? contentType = "application/json", long? declaredLength = -1)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return JsonBodyReader.ReadAsync(contentType, declaredLength == -1 ? bytes.Length : declaredLength, new MemoryStream(bytes), SignUpJson.Default.SignUpRequest, default);
    }
}
