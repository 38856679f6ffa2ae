using System.Text;
using CognitoFunctions.OpenApi;
using Microsoft.OpenApi;

namespace CognitoFunctions.Tests.OpenApi;

public sealed class OpenApiDocumentBuilderTests
{
    private static readonly IReadOnlyList<HttpFunction> Functions = HttpFunction.In(typeof(OpenApiDocumentProvider).Assembly);

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
        var withoutMe = ApiOperations.All.Where(o => o.Function != "Me").ToList();

        var error = Assert.Throws<InvalidOperationException>(() => OpenApiDocumentBuilder.Build(Functions, withoutMe));

        Assert.Contains("Function Me has no entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_function_stops_the_build_naming_it()
    {
        var extra = ApiOperations.All.Append(new ApiOperation("Gone", "Accounts", "No longer served") { Responses = [] }).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => OpenApiDocumentBuilder.Build(Functions, extra));

        Assert.Contains("Gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_field_without_rules_stops_the_build()
    {
        var signUp = ApiOperations.All.Single(o => o.Function == "SignUp");
        var missingPassword = signUp with { Body = signUp.Body! with { Fields = signUp.Body.Fields.Where(f => f.Name != "password").ToList() } };
        var operations = ApiOperations.All.Select(o => o.Function == "SignUp" ? missingPassword : o).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => OpenApiDocumentBuilder.Build(Functions, operations));

        Assert.Contains("SignUpRequest.password has no rules", error.Message, StringComparison.Ordinal);
    }
}
