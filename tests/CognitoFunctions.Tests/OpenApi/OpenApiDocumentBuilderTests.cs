using System.Text;
using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Http;
using CognitoFunctions.OpenApi;
using Microsoft.OpenApi;

namespace CognitoFunctions.Tests.OpenApi;

public sealed class OpenApiDocumentBuilderTests
{
    private static readonly IReadOnlyList<HttpFunction> Functions = HttpFunction.In(typeof(OpenApiDocumentProvider).Assembly);
    private static readonly IReadOnlyList<ApiOperation> Operations = ApiOperation.In(typeof(OpenApiDocumentProvider).Assembly);

    [Fact]
    public void The_built_document_passes_the_librarys_validation_rules()
    {
        var errors = OpenApiDocumentProvider.Build().Validate(ValidationRuleSet.GetDefaultRuleSet());

        Assert.Empty(errors);
    }

    [Fact]
    public void The_served_bytes_read_back_as_OpenAPI_3_1_without_diagnostics()
    {
        var json = Encoding.UTF8.GetString(new OpenApiDocumentProvider().Json);

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json);

        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Empty(read.Diagnostic.Warnings);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.Equal(Functions.Count, read.Document!.Paths.Count);
    }

    [Fact]
    public void A_function_without_an_entry_stops_the_build_naming_it()
    {
        var withoutMe = Operations.Where(o => o.Function != "Me").ToList();

        var error = Assert.Throws<InvalidOperationException>(() => OpenApiDocumentBuilder.Build(Functions, withoutMe));

        Assert.Contains("Function Me has no entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_function_stops_the_build_naming_it()
    {
        var extra = Operations.Append(new ApiOperation("Gone", ApiTag.Accounts, "No longer served") { Responses = [] }).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => OpenApiDocumentBuilder.Build(Functions, extra));

        Assert.Contains("Gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_field_without_rules_stops_the_build()
    {
        var signUp = Operations.Single(o => o.Function == "SignUp");
        var missingPassword = signUp with { Body = new BodyWithout(signUp.Body!, "password") };
        var operations = Operations.Select(o => o.Function == "SignUp" ? missingPassword : o).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => OpenApiDocumentBuilder.Build(Functions, operations));

        Assert.Contains("SignUpRequest.password has no rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_operation_is_declared_once_beside_its_function()
    {
        Assert.Equal(Functions.Select(f => f.Name).Order(StringComparer.Ordinal), Operations.Select(o => o.Function).Order(StringComparer.Ordinal));
    }

    /// <summary>A request body whose rules leave a field out, as an edit could.</summary>
    private sealed class BodyWithout(IRequestBody body, string field) : IRequestBody
    {
        public JsonTypeInfo Json => body.Json;

        public IReadOnlyList<FieldRule> Fields { get; } = [.. body.Fields.Where(f => f.Name != field)];

        public bool Optional => body.Optional;
    }
}
