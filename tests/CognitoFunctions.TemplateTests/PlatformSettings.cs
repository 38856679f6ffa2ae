namespace CognitoFunctions.TemplateTests;

/// <summary>
/// Settings outside the options sections, each with what stands for it on the other side: the platform's own keys in
/// local.settings.sample.json, which the Bicep template expresses differently, and the template's platform app settings,
/// which no options class reads.
/// </summary>
internal static class PlatformSettings
{
    /// <summary>Keys of the sample's <c>Values</c> outside the options sections → what the template has instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> SampleValues = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "functionAppConfig.runtime.name of the site: Flex Consumption takes the runtime there, not as an app setting",
        ["AzureWebJobsStorage"] = "AzureWebJobsStorage__accountName, __credential=managedidentity and __clientId: the host's storage through the managed identity, with no connection string or key",
        ["AZURE_FUNCTIONS_ENVIRONMENT"] = "nothing: Azure runs Production when it is absent (Core Tools sets Development locally)",
        ["AWS_ACCESS_KEY_ID"] = "nothing: a placeholder for cognito-local, which ignores signatures; in Azure Aws__CredentialSource=AzureManagedIdentity",
        ["AWS_SECRET_ACCESS_KEY"] = "nothing: a placeholder for cognito-local, which ignores signatures; in Azure Aws__CredentialSource=AzureManagedIdentity",
        ["AWS_EC2_METADATA_DISABLED"] = "nothing: stops the AWS SDK's default chain from probing instance metadata on a developer's machine",
    };

    /// <summary>Keys of the sample's <c>Host</c> section → what the template has instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> SampleHost = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LocalHttpPort"] = "nothing: Core Tools' port on a developer's machine",
        ["CORS"] = "siteConfig.cors.allowedOrigins of the site (parameter corsAllowedOrigins)",
        ["CORSCredentials"] = "siteConfig.cors.supportCredentials of the site (parameter corsSupportCredentials)",
    };

    /// <summary>App settings of the template that no options class binds → why they are there.</summary>
    public static readonly IReadOnlyDictionary<string, string> TemplateOnly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage__accountName"] = "the host's storage account (for AzureWebJobsStorage of local runs)",
        ["AzureWebJobsStorage__credential"] = "managedidentity: the host reaches its storage with an identity",
        ["AzureWebJobsStorage__clientId"] = "which identity: the user-assigned one",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "where the host and worker send telemetry",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "telemetry is sent with the identity's Entra token (local auth is off)",
        ["OTEL_SERVICE_NAME"] = "the service name the host's and the worker's telemetry carry",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "an OTLP collector the host and the worker export to as well (empty: none)",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "the protocol of that collector: grpc or http/protobuf",
    };
}
