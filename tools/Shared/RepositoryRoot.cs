namespace CognitoFunctions.Testing;

/// <summary>
/// The repository's root folder (the one holding CognitoFunctions.sln), found from the running assembly. Compiled into
/// each tool that needs it (the functions test host, the cognito-local runner), which share no project.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The root folder's full path.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CognitoFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CognitoFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
