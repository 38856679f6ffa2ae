namespace CognitoFunctions.TemplateTests;

/// <summary>A folder under the system's temporary path, removed with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo _directory;

    public TemporaryFolder(string prefix) => _directory = Directory.CreateTempSubdirectory(prefix);

    public string Path => _directory.FullName;

    /// <summary>The full path of a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => _directory.Delete(recursive: true);
}
