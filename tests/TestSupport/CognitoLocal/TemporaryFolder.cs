namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>A folder under the system's temporary path, removed with everything in it when disposed.</summary>
public sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo _directory;

    /// <summary>Creates a new, empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public TemporaryFolder(string prefix) => _directory = Directory.CreateTempSubdirectory(prefix);

    /// <summary>The folder's full path.</summary>
    public string Path => _directory.FullName;

    /// <summary>The full path of a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Removes the folder and everything in it.</summary>
    public void Dispose() => _directory.Delete(recursive: true);
}
