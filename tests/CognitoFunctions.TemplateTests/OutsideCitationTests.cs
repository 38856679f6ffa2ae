using System.Text.RegularExpressions;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// Code and scripts give their reasons themselves: a comment that points to a numbered decision or an issue kept outside
/// the repository sends the next engineer to a document they may not have.
/// </summary>
public sealed partial class OutsideCitationTests
{
    private static readonly string[] Folders = ["src", "tests", "tools", "benchmarks", "scripts", ".ci"];
    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".targets", ".sh", ".bicep", ".yaml", ".yml", ".json", ".js", ".mjs", ".md"];
    private static readonly string[] Skipped = ["bin", "obj", "node_modules"];
    private static readonly string[] RootFiles = ["aws-cognito.yaml", "azure-functionapp.bicep", "host.json", "local.settings.sample.json", "README.md"];

    [Fact]
    public void No_file_cites_a_numbered_decision_or_issue()
    {
        var citations = RepositoryFiles()
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => Citation(l.line))
            .Select(l => $"{Path.GetRelativePath(RepositoryLayout.Root, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(citations.Count == 0, "Say the reason instead of citing it:\n" + string.Join('\n', citations));
    }

    [Theory]
    [InlineData("// keyed by the token itself (decision" + " 4)", true)]
    [InlineData("/// <summary>Issue" + " 11 point 5: from the start</summary>", true)]
    [InlineData("# see decisions" + ".md", true)]
    [InlineData("// the middleware's decisions and answers", false)]
    [InlineData("// Cognito issues 3 tokens", false)]
    public void The_check_tells_a_citation_from_ordinary_words(string line, bool cites) =>
        Assert.Equal(cites, Citation(line));

    private static bool Citation(string line) => CitationPattern().IsMatch(line);

    private static IEnumerable<string> RepositoryFiles() =>
        Folders.Select(f => Path.Combine(RepositoryLayout.Root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(p => Extensions.Contains(Path.GetExtension(p), StringComparer.Ordinal))
            .Where(p => !Path.GetRelativePath(RepositoryLayout.Root, p).Split(Path.DirectorySeparatorChar).Any(s => Skipped.Contains(s, StringComparer.Ordinal)))
            .Concat(RootFiles.Select(f => Path.Combine(RepositoryLayout.Root, f)));

    [GeneratedRegex(@"\b(?:decision|issue)\s+\d+\b|\bdecisions\.md\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CitationPattern();
}
