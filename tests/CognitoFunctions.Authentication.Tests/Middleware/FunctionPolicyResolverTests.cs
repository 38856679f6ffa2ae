using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>Reading each function's attributes from its entry point: method over class, requirements added up, secure by default.</summary>
public sealed class FunctionPolicyResolverTests
{
    private readonly FunctionPolicyResolver _resolver = new(NullLogger<FunctionPolicyResolver>.Instance);

    [Fact]
    public void A_function_without_attributes_requires_any_valid_token()
    {
        var policy = _resolver.Get(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private)));

        Assert.False(policy.AllowsAnonymous);
        Assert.Empty(policy.Requirements);
    }

    [Fact]
    public void CognitoAllowAnonymous_on_the_method_or_the_class_opens_the_function()
    {
        Assert.True(_resolver.Get(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Login))).AllowsAnonymous);
        Assert.True(_resolver.Get(FakeFunctionDefinition.For<AnonymousFunctions>(nameof(AnonymousFunctions.Open))).AllowsAnonymous);
        Assert.True(_resolver.Get(FakeFunctionDefinition.For<EditorFunctions>(nameof(EditorFunctions.Preview))).AllowsAnonymous);
    }

    [Fact]
    public void A_requirement_on_the_method_wins_over_CognitoAllowAnonymous_on_its_class()
    {
        var policy = _resolver.Get(FakeFunctionDefinition.For<AnonymousFunctions>(nameof(AnonymousFunctions.Closed)));

        Assert.False(policy.AllowsAnonymous);
        Assert.Single(policy.Requirements);
    }

    [Fact]
    public void ASP_NET_Core_AllowAnonymous_recognised_by_its_name_on_the_method_or_the_class_opens_the_function()
    {
        Assert.True(_resolver.Get(FakeFunctionDefinition.For<FrameworkMarkedFunctions>(nameof(FrameworkMarkedFunctions.Open))).AllowsAnonymous);
        Assert.True(_resolver.Get(FakeFunctionDefinition.For<FrameworkAnonymousFunctions>(nameof(FrameworkAnonymousFunctions.Open))).AllowsAnonymous);
    }

    [Fact]
    public void An_attribute_implementing_ASP_NET_Core_IAllowAnonymous_opens_the_function()
    {
        Assert.True(_resolver.Get(FakeFunctionDefinition.For<FrameworkMarkedFunctions>(nameof(FrameworkMarkedFunctions.OpenByInterface))).AllowsAnonymous);
    }

    [Fact]
    public void ASP_NET_Core_AllowAnonymous_follows_the_same_rules_as_the_package_attribute_against_a_requirement()
    {
        var sameMethod = _resolver.Get(FakeFunctionDefinition.For<FrameworkMarkedFunctions>(nameof(FrameworkMarkedFunctions.Conflicting)));
        var overClass = _resolver.Get(FakeFunctionDefinition.For<FrameworkAnonymousFunctions>(nameof(FrameworkAnonymousFunctions.Closed)));

        Assert.False(sameMethod.AllowsAnonymous);
        Assert.True(sameMethod.Conflicting);
        Assert.False(overClass.AllowsAnonymous);
        Assert.Equal(["admins"], Assert.Single(overClass.Requirements).Groups);
    }

    /// <summary>
    /// An ASP.NET Core integration app imports Microsoft.AspNetCore.Authorization (and often Microsoft.AspNetCore.Mvc)
    /// beside this package's namespace: a public type of the package named like one of theirs would make the
    /// attribute ambiguous there (CS0104).
    /// </summary>
    [Fact]
    public void No_public_type_of_the_package_is_named_like_a_commonly_imported_ASP_NET_Core_authorization_type()
    {
        string[] frameworkNames =
        [
            "AllowAnonymousAttribute", "AuthorizeAttribute", "IAllowAnonymous", "IAuthorizeData", "AuthorizationPolicy",
            "AuthorizationOptions", "IAuthorizationService", "IAuthorizationRequirement", "AuthorizationHandlerContext",
            "ProducesResponseTypeAttribute", "RouteAttribute", "FromBodyAttribute", "FromQueryAttribute", "FromRouteAttribute",
        ];
        // An attribute is written without its suffix, so "[Authorize]" also matches a type named "Authorize".
        var clashing = frameworkNames.Concat(frameworkNames.Where(n => n.EndsWith("Attribute", StringComparison.Ordinal)).Select(n => n[..^"Attribute".Length]));

        var packageTypes = typeof(CognitoAllowAnonymousAttribute).Assembly.GetExportedTypes().Select(t => t.Name);

        Assert.Empty(packageTypes.Intersect(clashing, StringComparer.Ordinal));
    }

    [Fact]
    public void Class_and_method_requirements_add_up_and_are_inherited()
    {
        var edit = _resolver.Get(FakeFunctionDefinition.For<EditorFunctions>(nameof(EditorFunctions.EditWithIdToken)));
        var publish = _resolver.Get(FakeFunctionDefinition.For<DerivedEditorFunctions>(nameof(DerivedEditorFunctions.Publish)));

        Assert.Equal(2, edit.Requirements.Count);
        Assert.Contains(edit.Requirements, r => r.Groups.SequenceEqual(["editors"]));
        Assert.Contains(edit.Requirements, r => r.TokenUse == CognitoTokenUse.Id);
        Assert.Equal(["editors"], Assert.Single(publish.Requirements).Groups);
    }

    [Fact]
    public void Anonymous_and_a_requirement_on_the_same_method_count_as_requiring_a_token()
    {
        var policy = _resolver.Get(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Conflicting)));

        Assert.False(policy.AllowsAnonymous);
        Assert.True(policy.Conflicting);
    }

    [Fact]
    public void Overloads_are_told_apart_by_the_function_name_of_their_Function_attribute()
    {
        var definition = new FakeFunctionDefinition($"{typeof(SampleFunctions).FullName}.Overload", typeof(SampleFunctions).Assembly.Location, "OverloadedAnonymous");

        Assert.True(_resolver.Get(definition).AllowsAnonymous);
    }

    [Theory]
    [InlineData("Missing.Type.Method")]
    [InlineData("NoDot")]
    [InlineData("CognitoFunctions.Authentication.Tests.Support.SampleFunctions.NoSuchMethod")]
    public void A_function_whose_method_cannot_be_found_requires_a_valid_token(string entryPoint)
    {
        var policy = _resolver.Get(new FakeFunctionDefinition(entryPoint, typeof(SampleFunctions).Assembly.Location, "Lost"));

        Assert.Same(CognitoFunctionPolicy.AnyValidToken, policy);
    }

    [Fact]
    public void A_missing_assembly_file_requires_a_valid_token()
    {
        var policy = _resolver.Get(new FakeFunctionDefinition($"{typeof(SampleFunctions).FullName}.Login", "/nonexistent/App.dll", "Login"));

        Assert.Same(CognitoFunctionPolicy.AnyValidToken, policy);
    }

    [Fact]
    public void Policies_are_read_once_per_function_id()
    {
        var definition = FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Admins));

        Assert.Same(_resolver.Get(definition), _resolver.Get(definition));
    }
}
