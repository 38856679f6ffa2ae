using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>The real app, src/CognitoFunctions, served by the test host and configured against cognito-local.</summary>
public class CognitoFunctionsAppFixture : FunctionAppFixture
{
    protected override string AppProject => "src/CognitoFunctions";

    protected override Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        LocalRunSettings(settings);
        return Task.CompletedTask;
    }

    /// <summary>What a local run against cognito-local sets beside the Cognito pool (as local.settings.sample.json does).</summary>
    public static void LocalRunSettings(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // cognito-local's JWKS is plain http and its signing key is public: allowed in Development only.
        settings["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        settings["CognitoAuth__RequireHttpsJwks"] = "false";

        // cognito-local ignores signatures, but the AWS credential chain must still find something to sign with.
        settings["AWS_ACCESS_KEY_ID"] = "cognito-local-placeholder";
        settings["AWS_SECRET_ACCESS_KEY"] = "cognito-local-ignores-signatures";
        settings["AWS_EC2_METADATA_DISABLED"] = "true";

        // cognito-local has no AdminUserGlobalSignOut.
        settings["Accounts__GlobalSignOutOnLogout"] = "false";
    }
}
