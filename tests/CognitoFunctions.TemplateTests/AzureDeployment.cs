using System.Text.Json.Nodes;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// What one deployment of azure-functionapp.bicep would create, as <c>bicep snapshot</c> predicts it offline: resources
/// with parameters, variables and names resolved. Values known only in Azure (an identity's client id, a host name) stay
/// ARM expressions such as <c>[reference('…/userAssignedIdentities/id-…', '…').clientId]</c>.
/// </summary>
internal sealed class AzureDeployment(IReadOnlyList<JsonObject> resources, JsonObject outputs)
{
    public IReadOnlyList<JsonObject> Resources { get; } = resources;

    public JsonObject Outputs { get; } = outputs;

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals(r["type"]!.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    public JsonObject Site => Single("Microsoft.Web/sites");

    public string IdentityId => Id(Single("Microsoft.ManagedIdentity/userAssignedIdentities"));

    /// <summary>The Function App's app settings, name → value.</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        Assert.Single(OfType("Microsoft.Web/sites/config"), c => Name(c).EndsWith("/appsettings", StringComparison.Ordinal))["properties"]!
            .AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    public static string Id(JsonObject resource) => resource["id"]!.GetValue<string>();

    public static string Name(JsonObject resource) => resource["name"]!.GetValue<string>();

    /// <summary>The ARM expression a deployment evaluates to the given property of the resource, e.g. its client id.</summary>
    public static string Reference(JsonObject resource, string property) => $"[{ReferenceCall(resource, property)}]";

    /// <summary><see cref="Reference"/> as part of a larger expression (without the brackets).</summary>
    public static string ReferenceCall(JsonObject resource, string property) =>
        $"reference('{Id(resource)}', '{resource["apiVersion"]!.GetValue<string>()}').{property}";

    public static AzureDeployment Parse(JsonObject snapshot) => new(
        snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList(),
        snapshot["outputs"]?.AsObject() ?? []);
}
