namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>Where the repository's files are, found from the running assembly.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding CognitoFunctions.sln.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>The CloudFormation template of the user pool.</summary>
    public static string AwsCognitoTemplate => Path.Combine(Root, "aws-cognito.yaml");

    /// <summary>The Bicep template of the Azure side (Function App, identity, storage, monitoring).</summary>
    public static string AzureFunctionAppTemplate => Path.Combine(Root, "azure-functionapp.bicep");

    /// <summary>The app settings a local run starts from.</summary>
    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    /// <summary>The pinned Node.js tools (cognito-local, cfn-lint, yaml-cfn) and their scripts.</summary>
    public static string NodeTools => Path.Combine(Root, "tools", "node");

    /// <summary>Fails with the fix when the Node.js tools have not been installed.</summary>
    public static void EnsureNodeToolsInstalled()
    {
        if (!Directory.Exists(Path.Combine(NodeTools, "node_modules", "cognito-local")))
        {
            throw new InvalidOperationException(
                $"The Node.js test tools are not installed: run `npm ci --prefix tools/node` (scripts/test.sh does it).");
        }
    }
}
