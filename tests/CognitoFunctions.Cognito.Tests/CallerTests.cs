using System.Reflection;
using System.Text.RegularExpressions;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Cognito.Tests;

/// <summary>
/// The client carries no operation and no model property that nothing in src/ uses: each is read or set somewhere other
/// than its own declaration (tests do not count as callers). What is not there cannot be sent wrongly, needs no IAM
/// permission and no test.
/// </summary>
public sealed class CallerTests
{
    private static readonly Lazy<string[]> Sources = new(() => Directory
        .EnumerateFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.cs", SearchOption.AllDirectories)
        .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
        .Select(File.ReadAllText)
        .ToArray());

    [Fact]
    public void Every_operation_of_the_client_is_called_in_src()
    {
        // A call is "x.Operation(": the interface and the client declare the operations, they do not call them so.
        var uncalled = typeof(ICognitoIdentityProvider).GetMethods()
            .Select(m => m.Name)
            .Where(name => !Sources.Value.Any(text => text.Contains("." + name + "(", StringComparison.Ordinal)))
            .ToList();

        Assert.True(uncalled.Count == 0, "Operations nothing in src calls: " + string.Join(", ", uncalled));
    }

    [Fact]
    public void Every_model_property_is_read_or_set_somewhere_in_src()
    {
        var unused = typeof(ICognitoIdentityProvider).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(UserType).Namespace)
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(p => p.Name != "EqualityContract")
                .Select(p => $"{t.Name}.{p.Name}"))
            .Where(name => !Used(name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]))
            .ToList();

        Assert.True(unused.Count == 0, "Model properties nothing in src reads or sets: " + string.Join(", ", unused));
    }

    [Theory]
    [InlineData("var x = response.Session;", true)]
    [InlineData("new() { Session = \"s\" }", true)]
    [InlineData("if (answer is { Session: { } s })", true)]
    [InlineData("public string? Session { get; init; }", false)]
    [InlineData("/// <summary>The Session of the flow.</summary>", false)]
    public void A_use_is_told_from_a_declaration(string line, bool used) =>
        Assert.Equal(used, Uses(line, "Session"));

    private static bool Used(string property) => Sources.Value.Any(text => Uses(text, property));

    // A member access, an initializer or a property pattern; a declaration ("Name { get") is not a use.
    private static bool Uses(string text, string property) =>
        Regex.IsMatch(text, $@"(?:\.{property}\b|(?<![\w.]){property}\s*(?:=(?![=>])|:(?!:)))", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
}
