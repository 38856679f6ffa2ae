using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CognitoFunctions.Accounts;
using CognitoFunctions.Endpoints.LogIn;
using CognitoFunctions.Endpoints.Refresh;
using CognitoFunctions.Endpoints.SignUp;
using CognitoFunctions.Http;
using CognitoFunctions.OpenApi;
using Microsoft.OpenApi;

namespace CognitoFunctions.Tests.Endpoints;

/// <summary>
/// Each endpoint declares its request's field rules once: validation checks them and the OpenAPI schema states them,
/// every field has one, and every endpoint's JSON follows the API's conventions.
/// </summary>
public sealed class RequestRulesTests
{
    private static readonly Assembly App = typeof(OpenApiDocumentProvider).Assembly;

    public static TheoryData<string> Bodies => new(ApiOperation.In(App).Where(o => o.Body is not null).Select(o => o.Function));

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_field_rule_of_a_slice_appears_in_its_request_schema(string function)
    {
        var body = ApiOperation.In(App).Single(o => o.Function == function).Body!;
        var document = OpenApiDocumentProvider.Build();

        var schema = document.Components!.Schemas![body.Json.Type.Name];

        Assert.Equal(body.Json.Properties.Select(p => p.Name).Order(StringComparer.Ordinal), schema.Properties!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(body.Fields.Where(f => f.IsRequired).Select(f => f.Name).Order(StringComparer.Ordinal), (schema.Required ?? new HashSet<string>()).Order(StringComparer.Ordinal));
        Assert.All(body.Fields, field =>
        {
            var property = schema.Properties[field.Name];
            Assert.Equal((field.MinLength, (int?)field.MaxLength, field.Format, field.Description), (property.MinLength, property.MaxLength, property.Format, property.Description));
            Assert.Equal(JsonSchemaType.String, property.Type);
        });
    }

    [Fact]
    public void Every_JSON_context_of_the_app_follows_the_APIs_conventions()
    {
        var contexts = App.GetTypes().Where(t => t.IsSubclassOf(typeof(JsonSerializerContext))).ToList();

        Assert.True(contexts.Count >= 7, $"found {contexts.Count} JSON contexts");
        Assert.All(contexts, type =>
        {
            var options = ((JsonSerializerContext)type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Options;
            Assert.Same(JsonNamingPolicy.CamelCase, options.PropertyNamingPolicy);
            Assert.Equal(JsonIgnoreCondition.WhenWritingNull, options.DefaultIgnoreCondition);
            Assert.False(options.AllowDuplicateProperties);
        });
    }

    [Fact]
    public void A_field_without_a_rule_stops_the_declaration_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new RequestBody<SignUpRequest, ValidSignUp>(SignUpJson.Default.SignUpRequest, [FieldRule.Email("email")], b => new ValidSignUp(b.Email!, b.Password!)));

        Assert.Contains("SignUpRequest.password has no rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_for_a_field_the_request_lacks_stops_the_declaration_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RequestBody<SignUpRequest, ValidSignUp>(
            SignUpJson.Default.SignUpRequest,
            [FieldRule.Email("email"), FieldRule.NewPassword("password"), FieldRule.Text("code", 10)],
            b => new ValidSignUp(b.Email!, b.Password!)));

        Assert.Contains("no field code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_reports_every_broken_rule_in_field_order()
    {
        var valid = SignUpRequest.Body.Validate(new SignUpRequest("not-an-email", "short"), new FieldContext { PasswordPolicy = PasswordPolicy.Default }, out var problem);

        Assert.Null(valid);
        Assert.Equal(ProblemKind.Validation, problem!.Kind);
        Assert.Equal(["email", "password"], problem.Errors!.Keys);
        Assert.Contains("Must be at least 8 characters.", problem.Errors["password"]);
    }

    [Fact]
    public void A_valid_body_becomes_the_typed_request_with_the_email_trimmed()
    {
        var signUp = SignUpRequest.Body.Validate(new SignUpRequest("a@example.com", "Pw-1234567 !"), new FieldContext { PasswordPolicy = PasswordPolicy.Default }, out var signUpProblem);
        var logIn = LogInRequest.Body.Validate(new LogInRequest("  a@example.com ", " pass "), FieldContext.None, out var logInProblem);

        Assert.Equal((null, null), (signUpProblem, logInProblem));
        Assert.Equal(new ValidSignUp("a@example.com", "Pw-1234567 !"), signUp);
        Assert.Equal(new ValidLogIn("a@example.com", " pass "), logIn);
    }

    [Fact]
    public void The_refresh_username_is_required_only_with_a_client_secret_and_never_longer_than_documented()
    {
        var withSecret = new FieldContext { ClientHasSecret = true };
        var tooLong = new string('u', RefreshRequest.MaxUsernameLength + 1);

        Assert.NotNull(RefreshRequest.Body.Validate(new RefreshRequest("token", null), FieldContext.None, out _));
        Assert.Null(RefreshRequest.Body.Validate(new RefreshRequest("token", null), withSecret, out var missing));
        Assert.Equal(["Required."], missing!.Errors!["username"]);
        Assert.Null(RefreshRequest.Body.Validate(new RefreshRequest("token", tooLong), FieldContext.None, out var longer));
        Assert.Equal([$"Must be at most {RefreshRequest.MaxUsernameLength} characters."], longer!.Errors!["username"]);
    }

    [Fact]
    public void A_new_password_rule_without_the_pools_policy_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => SignUpRequest.Body.Validate(new SignUpRequest("a@example.com", "Pw-1234567"), FieldContext.None, out _));
    }
}
