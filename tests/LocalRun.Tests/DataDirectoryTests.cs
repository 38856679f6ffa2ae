using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun.Tests;

public sealed class DataDirectoryTests : IDisposable
{
    private readonly TemporaryFolder _root = new("local-run-data-");

    private LocalRunOptions Options => new() { DataDirectory = Path.Combine(_root.Path, "data") };

    [Fact]
    public void Only_one_run_at_a_time_uses_a_data_directory()
    {
        using (var first = DataDirectory.Open(Options))
        {
            var ex = Assert.Throws<LocalRunException>(() => DataDirectory.Open(Options));
            Assert.Contains(first.Path, ex.Message, StringComparison.Ordinal);
        }

        using var again = DataDirectory.Open(Options);
        Assert.False(again.IsTemporary);
    }

    [Fact]
    public void Reset_removes_the_pool_data_and_the_state_but_keeps_the_directory()
    {
        using var data = DataDirectory.Open(Options);
        Directory.CreateDirectory(Path.Combine(data.Path, ".cognito", "db"));
        File.WriteAllText(Path.Combine(data.Path, ".cognito", "db", "clients.json"), "{}");
        File.WriteAllText(data.StateFile, "{}");

        data.Reset();

        Assert.False(Directory.Exists(Path.Combine(data.Path, ".cognito")));
        Assert.False(File.Exists(data.StateFile));
        Assert.True(Directory.Exists(data.Path));
        Assert.Throws<LocalRunException>(() => DataDirectory.Open(Options));
    }

    [Fact]
    public void A_temporary_data_directory_is_deleted_when_the_run_ends()
    {
        string path;
        using (var data = DataDirectory.Open(new LocalRunOptions { Temporary = true }))
        {
            path = data.Path;
            Assert.True(data.IsTemporary);
            Assert.True(Directory.Exists(path));
        }

        Assert.False(Directory.Exists(path));
    }

    public void Dispose() => _root.Dispose();
}
