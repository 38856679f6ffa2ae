using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>The README's layout table shows the tree as it is: every project folder has its row, and no row names a folder that is gone.</summary>
public sealed class LayoutTableTests
{
    private static readonly string[] ProjectFolders = ["src", "tools", "tests", "benchmarks"];

    [Fact]
    public void Every_project_folder_has_a_row_and_every_row_names_a_folder_that_exists()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "README.md"));
        var rows = readme.Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => l.Split('|')[1].Split(',', StringSplitOptions.TrimEntries))
            .Select(cell => cell.Trim('`'))
            .Where(path => path.EndsWith('/') && ProjectFolders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        var projects = ProjectFolders
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, f), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepositoryLayout.Root, Path.GetDirectoryName(p)!).Replace('\\', '/') + "/")
            .Where(p => !p.Split('/').Any(s => s is "bin" or "obj"))
            .ToList();

        var withoutRow = projects.Where(p => !rows.Contains(p)).ToList();
        var gone = rows.Where(r => !Directory.Exists(Path.Combine(RepositoryLayout.Root, r))).ToList();

        Assert.True(withoutRow.Count == 0, "Project folders without a row in the README's layout table: " + string.Join(", ", withoutRow));
        Assert.True(gone.Count == 0, "Rows of the README's layout table naming folders that do not exist: " + string.Join(", ", gone));
    }
}
