using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// azure-functionapp.bicep as Azure would receive it (compiled) and as a deployment would create it (evaluated with
/// <c>bicep snapshot</c>): the security stance, the Flex Consumption shape, identity-only storage and telemetry, outputs.
/// </summary>
public sealed class AzureFunctionAppTemplateTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    /// <summary>App settings the Flex Consumption plan deprecates ("Flex Consumption plan deprecations" in the Functions app settings reference).</summary>
    private static readonly string[] FlexDeprecatedSettings =
    [
        "ENABLE_ORYX_BUILD", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_MAX_HTTP_CONCURRENCY", "FUNCTIONS_WORKER_PROCESS_COUNT", "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED",
        "SCM_DO_BUILD_DURING_DEPLOYMENT", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTOVERVNET", "WEBSITE_CONTENTSHARE",
        "WEBSITE_DNS_SERVER", "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT", "WEBSITE_NODE_DEFAULT_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_SKIP_CONTENTSHARE_VALIDATION", "WEBSITE_VNET_ROUTE_ALL",
    ];

    /// <summary>Site properties the Flex Consumption plan deprecates (same table); ftpsState among them: the plan has no FTP.</summary>
    private static readonly string[] FlexDeprecatedSiteProperties =
    [
        "alwaysOn", "containerSize", "ftpsState", "isReserved", "IsXenon", "javaVersion", "linuxFxVersion", "netFrameworkVersion",
        "powerShellVersion", "functionAppScaleLimit", "preWarmedInstanceCount", "use32BitWorkerProcess", "vnetBackupRestoreEnabled",
        "vnetContentShareEnabled", "vnetImagePullEnabled", "vnetRouteAllEnabled", "windowsFxVersion",
    ];

    [Fact]
    public async Task The_site_is_https_only_with_TLS_1_2_and_basic_publishing_credentials_off()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var site = deployment.Site["properties"]!;

        Assert.True(site["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", site["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("1.2", site["siteConfig"]!["scmMinTlsVersion"]!.GetValue<string>());
        var policies = deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(p => AzureDeployment.Name(p).Split('/')[^1], p => p["properties"]!["allow"]!.GetValue<bool>());
        Assert.Equal(new Dictionary<string, bool> { ["ftp"] = false, ["scm"] = false }, policies);
        Assert.All(deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => Assert.StartsWith(AzureDeployment.Id(deployment.Site) + "/", AzureDeployment.Id(p), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_runs_on_the_Flex_Consumption_plan_with_the_dotnet_isolated_10_runtime()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var plan = deployment.Single("Microsoft.Web/serverfarms");
        var site = deployment.Site;

        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>(), "a Linux plan is reserved: true");
        Assert.Equal("functionapp,linux", site["kind"]!.GetValue<string>());
        Assert.Equal(AzureDeployment.Id(plan), site["properties"]!["serverFarmId"]!.GetValue<string>());
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
        Assert.NotNull(site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["instanceMemoryMB"]);
    }

    [Fact]
    public async Task Packages_are_deployed_to_a_private_blob_container_reached_with_the_user_assigned_identity()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var storage = deployment.Single("Microsoft.Storage/storageAccounts");
        var container = deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var packages = deployment.Site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal($"{AzureDeployment.Id(storage)}/blobServices/default/containers/deployment-package", AzureDeployment.Id(container));
        Assert.Equal("None", container["properties"]!["publicAccess"]!.GetValue<string>());
        Assert.Equal("blobContainer", packages["type"]!.GetValue<string>());
        Assert.Equal($"[format('{{0}}{{1}}', {AzureDeployment.ReferenceCall(storage, "primaryEndpoints.blob")}, 'deployment-package')]", packages["value"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", packages["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal(deployment.IdentityId, packages["authentication"]!["userAssignedIdentityResourceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_site_has_the_user_assigned_identity_alone_and_resolves_Key_Vault_references_with_it()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var site = deployment.Site;

        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.Equal([deployment.IdentityId], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.Equal(deployment.IdentityId, site["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Storage_takes_Entra_ID_alone_and_no_account_key_appears_anywhere()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var storage = deployment.Single("Microsoft.Storage/storageAccounts");
        var properties = storage["properties"]!;
        var compiled = (await AzureTemplate.CompiledAsync()).ToJsonString();

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        foreach (var keyish in new[] { "listKeys", "listAccountSas", "listServiceSas", "AccountKey", "DefaultEndpointsProtocol", "SharedAccessSignature" })
        {
            Assert.DoesNotContain(keyish, compiled, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(keyish, AzureTemplate.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_host_reaches_its_storage_with_the_identity_and_its_three_data_roles()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var storage = deployment.Single("Microsoft.Storage/storageAccounts");
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var settings = deployment.AppSettings;

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal(AzureDeployment.Name(storage), settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(AzureDeployment.Reference(identity, "clientId"), settings["AzureWebJobsStorage__clientId"]);
        AssertRoles(deployment, storage, [StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor]);
    }

    [Fact]
    public async Task Telemetry_goes_to_workspace_based_Application_Insights_that_takes_Entra_tokens_alone()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var insights = deployment.Single("Microsoft.Insights/components");
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var settings = deployment.AppSettings;

        Assert.Equal(AzureDeployment.Id(deployment.Single("Microsoft.OperationalInsights/workspaces")), insights["properties"]!["WorkspaceResourceId"]!.GetValue<string>());
        Assert.True(insights["properties"]!["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Equal(AzureDeployment.Reference(insights, "ConnectionString"), settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal($"[format('Authorization=AAD;ClientId={{0}}', {AzureDeployment.ReferenceCall(identity, "clientId")})]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        AssertRoles(deployment, insights, [MonitoringMetricsPublisher]);
    }

    [Fact]
    public async Task The_host_and_the_worker_export_with_OpenTelemetry_and_no_instrumentation_key_is_set_in_clear()
    {
        const string Collector = "https://collector.example.com:4318";
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var withCollector = await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?> { ["otelExporterOtlpEndpoint"] = Collector, ["otelExporterOtlpProtocol"] = "grpc" });
        var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "host.json")))!;
        var settings = deployment.AppSettings;

        Assert.Equal("OpenTelemetry", hostJson["telemetryMode"]!.GetValue<string>());
        Assert.Equal(
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "APPLICATIONINSIGHTS_CONNECTION_STRING", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME", "Telemetry__Console"],
            settings.Keys.Where(k => k.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("Telemetry__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.StartsWith("Authorization=AAD;ClientId=", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"].Replace("[format('", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("", settings["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("False", settings["Telemetry__Console"]);
        Assert.Equal(Collector, withCollector.AppSettings["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", withCollector.AppSettings["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        // The key travels only inside the connection string, read from the resource at deployment, never as a value.
        Assert.DoesNotContain(settings.Keys, k => k.Contains("INSTRUMENTATIONKEY", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Values, v => v.Contains("InstrumentationKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Nothing_the_Flex_Consumption_plan_deprecates_is_set()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();

        Assert.Empty(deployment.AppSettings.Keys.Intersect(FlexDeprecatedSettings, StringComparer.OrdinalIgnoreCase));
        var siteProperties = PropertyNames(deployment.Site["properties"]).ToList();
        Assert.Empty(siteProperties.Intersect(FlexDeprecatedSiteProperties, StringComparer.OrdinalIgnoreCase));
        Assert.Contains("minTlsVersion", siteProperties);
    }

    [Fact]
    public async Task CORS_origins_and_credentials_come_from_their_parameters()
    {
        var defaults = (await AzureTemplate.WithDefaultsAsync()).Site["properties"]!["siteConfig"]!["cors"]!;
        var configured = (await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?>
        {
            ["corsAllowedOrigins"] = new JsonArray("https://app.example.com", "https://admin.example.com"),
            ["corsSupportCredentials"] = true,
        })).Site["properties"]!["siteConfig"]!["cors"]!;

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["allowedOrigins"] = new JsonArray(), ["supportCredentials"] = false }, defaults), defaults.ToJsonString());
        Assert.True(
            JsonNode.DeepEquals(new JsonObject { ["allowedOrigins"] = new JsonArray("https://app.example.com", "https://admin.example.com"), ["supportCredentials"] = true }, configured),
            configured.ToJsonString());
    }

    [Fact]
    public async Task The_outputs_are_what_aws_cognito_yaml_and_the_publish_step_need()
    {
        var compiled = (await AzureTemplate.CompiledAsync())["outputs"]!.AsObject();
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var outputs = deployment.Outputs;

        Assert.Equal(
            ["functionAppName", "functionAppUrl", "managedIdentityClientId", "managedIdentityPrincipalId", "tenantId"],
            compiled.Select(o => o.Key).Order(StringComparer.Ordinal));
        Assert.All(compiled, o => Assert.Equal("string", o.Value!["type"]!.GetValue<string>()));
        Assert.Equal(AzureDeployment.Name(deployment.Site), outputs["functionAppName"]!.GetValue<string>());
        Assert.Equal($"[format('https://{{0}}', {AzureDeployment.ReferenceCall(deployment.Site, "defaultHostName")})]", outputs["functionAppUrl"]!.GetValue<string>());
        Assert.Equal(AzureDeployment.Reference(identity, "principalId"), outputs["managedIdentityPrincipalId"]!.GetValue<string>());
        Assert.Equal(AzureDeployment.Reference(identity, "clientId"), outputs["managedIdentityClientId"]!.GetValue<string>());
        Assert.Equal(AzureDeployment.Reference(identity, "tenantId"), outputs["tenantId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}", "arn:aws:iam::123456789012:role/cognito-functions-app")]
    [InlineData("""{ "functionAppRoleName": "other-role" }""", "arn:aws:iam::123456789012:role/other-role")]
    [InlineData("""{ "awsAccountId": "210987654321" }""", "arn:aws:iam::210987654321:role/cognito-functions-app")]
    [InlineData("""{ "awsRoleArn": "arn:aws:iam::123456789012:role/given" }""", "arn:aws:iam::123456789012:role/given")]
    public async Task The_role_ARN_is_derived_from_the_account_and_the_role_name_unless_given(string parameters, string roleArn)
    {
        var deployment = await AzureTemplate.SnapshotAsync(JsonNode.Parse(parameters)!.AsObject().ToDictionary(p => p.Key, p => p.Value));

        Assert.Equal(roleArn, deployment.AppSettings["Aws__RoleArn"]);
        Assert.Equal("AzureManagedIdentity", deployment.AppSettings["Aws__CredentialSource"]);
        Assert.Equal(AzureDeployment.Reference(deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities"), "clientId"), deployment.AppSettings["Aws__ManagedIdentityClientId"]);
    }

    [Fact]
    public async Task The_role_name_default_is_the_one_aws_cognito_yaml_gives_the_role()
    {
        var parameters = (await AzureTemplate.CompiledAsync())["parameters"]!;
        var stack = CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate)["Parameters"]!;

        Assert.Equal(stack["FunctionAppRoleName"]!["Default"]!.GetValue<string>(), parameters["functionAppRoleName"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_secret_is_a_secure_parameter_or_a_Key_Vault_reference_and_never_both()
    {
        const string SecretUri = "https://kv-cognito.vault.azure.net/secrets/cognito-client-secret";
        var compiled = await AzureTemplate.CompiledAsync();
        var withoutSecret = await AzureTemplate.WithDefaultsAsync();
        var withReference = await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?> { ["cognitoClientSecretKeyVaultUri"] = SecretUri });
        var withSecret = await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?> { ["cognitoClientSecret"] = "s3cr3t-value" });

        Assert.Equal("securestring", compiled["parameters"]!["cognitoClientSecret"]!["type"]!.GetValue<string>());
        Assert.Equal("", withoutSecret.AppSettings["Cognito__ClientSecret"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={SecretUri})", withReference.AppSettings["Cognito__ClientSecret"]);
        Assert.Equal(AzureDeployment.Id(withReference.Single("Microsoft.ManagedIdentity/userAssignedIdentities")), withReference.Site["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>());
        // bicep snapshot leaves a given secure value unevaluated, as a deployment's history does.
        Assert.Contains("parameters('cognitoClientSecret')", withSecret.AppSettings["Cognito__ClientSecret"], StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", string.Concat(withSecret.Resources.Select(r => r.ToJsonString())), StringComparison.Ordinal);
        // Both at once stops the deployment; only Azure evaluates fail(), so the expression is checked.
        Assert.EndsWith(
            "if(empty(parameters('cognitoClientSecret')), format('@Microsoft.KeyVault(SecretUri={0})', parameters('cognitoClientSecretKeyVaultUri')), "
            + "fail('Give cognitoClientSecret or cognitoClientSecretKeyVaultUri, not both.')))]",
            compiled["variables"]!["clientSecretSetting"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_email_hash_key_is_a_secure_parameter_or_a_Key_Vault_reference_and_never_both()
    {
        const string SecretUri = "https://kv-cognito.vault.azure.net/secrets/audit-email-hash-key";
        var compiled = await AzureTemplate.CompiledAsync();
        var withoutKey = await AzureTemplate.WithDefaultsAsync();
        var withReference = await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?> { ["auditEmailHashKeyKeyVaultUri"] = SecretUri });

        Assert.Equal("securestring", compiled["parameters"]!["auditEmailHashKey"]!["type"]!.GetValue<string>());
        Assert.Equal("", withoutKey.AppSettings["Audit__EmailHashKey"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={SecretUri})", withReference.AppSettings["Audit__EmailHashKey"]);
        Assert.EndsWith(
            "fail('Give auditEmailHashKey or auditEmailHashKeyKeyVaultUri, not both.')))]",
            compiled["variables"]!["auditEmailHashKeySetting"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    private static void AssertRoles(AzureDeployment deployment, JsonObject scope, string[] roles)
    {
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var assignments = deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => AzureDeployment.Id(a).StartsWith(AzureDeployment.Id(scope) + "/providers/Microsoft.Authorization/roleAssignments/", StringComparison.Ordinal))
            .Select(a => a["properties"]!)
            .ToList();

        Assert.Equal(
            roles.Select(r => $"/subscriptions/{AzureTemplate.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{r}").Order(StringComparer.Ordinal),
            assignments.Select(a => a["roleDefinitionId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(assignments, a =>
        {
            Assert.Equal(AzureDeployment.Reference(identity, "principalId"), a["principalId"]!.GetValue<string>());
            Assert.Equal("ServicePrincipal", a["principalType"]!.GetValue<string>());
        });
    }

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray array => array.SelectMany(PropertyNames),
        _ => [],
    };
}
