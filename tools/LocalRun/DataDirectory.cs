using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun;

/// <summary>
/// cognito-local's data directory (its <c>.cognito</c> folder), the state file that records the pool provisioned
/// in it, and a lock held while a run uses it: two runs writing one pool's JSON files would corrupt them.
/// A temporary directory is deleted on dispose.
/// </summary>
internal sealed class DataDirectory : IDisposable
{
    private const string LockFileName = "local-run.lock";
    private readonly FileStream _lock;
    private readonly bool _temporary;

    private DataDirectory(string path, FileStream @lock, bool temporary)
    {
        Path = path;
        _lock = @lock;
        _temporary = temporary;
    }

    /// <summary>The default, relative to the repository root (git-ignored).</summary>
    public static string DefaultPath => System.IO.Path.Combine(RepositoryLayout.Root, ".local", "cognito-local");

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Where the provisioned pool's ids are recorded.</summary>
    public string StateFile => System.IO.Path.Combine(Path, "local-run.json");

    /// <summary>Whether the directory is deleted when the run ends.</summary>
    public bool IsTemporary => _temporary;

    /// <summary>Creates (if needed) and locks the directory named by the options.</summary>
    /// <exception cref="LocalRunException">Another run holds the directory.</exception>
    public static DataDirectory Open(LocalRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Temporary
            ? Directory.CreateTempSubdirectory("cognito-functions-local-").FullName
            : System.IO.Path.GetFullPath(options.DataDirectory ?? DefaultPath);
        Directory.CreateDirectory(path);
        try
        {
            // FileShare.None is an exclusive advisory lock on Unix too, released when the process ends in any way.
            var @lock = new FileStream(System.IO.Path.Combine(path, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new DataDirectory(path, @lock, options.Temporary);
        }
        catch (IOException ex)
        {
            throw new LocalRunException($"Another local run is using {path}: stop it first, or give this one --data-dir or --temp.", ex);
        }
    }

    /// <summary>Deletes the pool, its users and the state file, keeping the lock.</summary>
    public void Reset()
    {
        var cognito = System.IO.Path.Combine(Path, ".cognito");
        if (Directory.Exists(cognito))
        {
            Directory.Delete(cognito, recursive: true);
        }

        File.Delete(StateFile);
    }

    public void Dispose()
    {
        _lock.Dispose();
        if (_temporary)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
