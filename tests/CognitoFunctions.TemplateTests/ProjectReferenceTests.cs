using System.Xml.Linq;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// Dependencies point one way: what ships (src/), the programs (tools/) and the benchmarks reference no project under
/// tests/ and no xunit package, so test support never becomes part of a program.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly string[] ProgramFolders = ["src", "tools", "benchmarks"];

    [Fact]
    public void No_program_references_a_test_project_or_xunit()
    {
        var projects = ProgramFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .ToArray();
        var tests = Path.Combine(RepositoryLayout.Root, "tests") + Path.DirectorySeparatorChar;

        var violations = new List<string>();
        foreach (var project in projects)
        {
            var name = Path.GetRelativePath(RepositoryLayout.Root, project);
            var document = XDocument.Load(project);
            foreach (var reference in Includes(document, "ProjectReference"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Replace('\\', Path.DirectorySeparatorChar)));
                if (target.StartsWith(tests, StringComparison.Ordinal))
                {
                    violations.Add($"{name} references {Path.GetRelativePath(RepositoryLayout.Root, target)}");
                }
            }

            foreach (var package in Includes(document, "PackageReference").Where(p => p.Contains("xunit", StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add($"{name} references the package {package}");
            }
        }

        Assert.Contains(projects, p => p.EndsWith(Path.Combine("tools", "LocalRun", "LocalRun.csproj"), StringComparison.Ordinal));
        Assert.Contains(projects, p => p.EndsWith("CognitoFunctions.Benchmarks.csproj", StringComparison.Ordinal));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static IEnumerable<string> Includes(XDocument project, string item) =>
        project.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    // A consumer app copied under bin/ or obj/ by a build is not one of the repository's projects.
    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules");
}
