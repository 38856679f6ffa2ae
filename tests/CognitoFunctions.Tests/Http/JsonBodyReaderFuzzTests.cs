using System.Globalization;
using System.Text;
using System.Text.Json;
using CognitoFunctions.Accounts;
using CognitoFunctions.Endpoints.SignUp;
using CognitoFunctions.Http;
using FsCheck;
using FsCheck.Fluent;

namespace CognitoFunctions.Tests.Http;

/// <summary>
/// Property-based fuzzing of request parsing and validation: whatever arrives, the reader answers with a model or a
/// 4xx problem, never an exception (which the worker would turn into a 500). The CI run is bounded; set
/// <c>FUZZ_ITERATIONS</c> for a longer one (docs/reliability.md has its figures).
/// </summary>
public sealed class JsonBodyReaderFuzzTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2000;

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/problem+json", "text/plain", "", "application/json; charset=utf-16",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;;;", "*/*",
    ];

    // Pieces of JSON and of things that break JSON parsers and decoders.
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\"email\"", "\"password\"", "\"refreshToken\"", "\"a@example.com\"", "\"Abcdef1!\"",
        "null", "true", "false", "0", "-1", "1e999", "NaN", "\\u0000", "\\uD800", "\\uDC00", "\\\"", "\\\\", " ", "\n", "\t",
        "/*", "*/", "//", "'", "\u00e9", "\U0001F600", "\u202E", "__proto__",
    ];

    [Fact]
    public void Any_bytes_with_any_content_type_get_a_model_or_a_4xx_problem() => Check(
        Gen.Zip(ArbMap.Default.GeneratorFor<byte[]>(), Gen.Elements(ContentTypes)),
        input => Outcome(input.Item1, input.Item2));

    [Fact]
    public void Json_shaped_noise_gets_a_model_or_a_4xx_problem() => Check(
        Gen.ListOf(Gen.Elements(Tokens)).Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts))),
        bytes => Outcome(bytes, "application/json"));

    [Fact]
    public void Any_two_strings_round_trip_unless_they_are_not_valid_unicode() => Check(
        Gen.Zip(ArbMap.Default.GeneratorFor<string?>(), ArbMap.Default.GeneratorFor<string?>()),
        pair =>
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new SignUpRequest(pair.Item1, pair.Item2), SignUpJson.Default.SignUpRequest);
            var result = Read(bytes, "application/json");
            var wellFormed = IsValidUnicode(pair.Item1) && IsValidUnicode(pair.Item2);
            return wellFormed
                ? result.Value == new SignUpRequest(pair.Item1, pair.Item2)
                : result.Problem?.Kind == ProblemKind.MalformedJson;
        });

    [Fact]
    public void Validation_of_any_email_and_password_never_throws() => Check(
        Gen.Zip(ArbMap.Default.GeneratorFor<string?>(), ArbMap.Default.GeneratorFor<string?>()),
        pair =>
        {
            var email = EmailAddress.Validate(pair.Item1);
            var password = PasswordPolicy.Default.Check(pair.Item2);
            return (email is null || email.Length > 0) && password.All(p => p.Length > 0);
        });

    private static bool Outcome(byte[] body, string contentType)
    {
        var result = Read(body, contentType);
        return (result.Value is null) != (result.Problem is null)
            && (result.Problem is null || (int)result.Problem.Status is >= 400 and < 500);
    }

    private static BodyReadResult<SignUpRequest> Read(byte[] body, string contentType) =>
        JsonBodyReader.ReadAsync(contentType, body.Length, new MemoryStream(body), SignUpJson.Default.SignUpRequest, default).GetAwaiter().GetResult();

    private static bool IsValidUnicode(string? text) =>
        text is null || !text.Where((c, i) => char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                                             && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))).Any();

    private static void Check<T>(Gen<T> generator, Func<T, bool> property) =>
        Prop.ForAll(generator.ToArbitrary(), property).Check(Config.QuickThrowOnFailure.WithMaxTest(Iterations));
}
