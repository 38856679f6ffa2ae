using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>A resource of the template as a stack with given parameters would create it.</summary>
internal sealed record EvaluatedResource(string LogicalId, string Type, JsonObject Properties);

/// <summary>
/// The template evaluated under one set of parameters: created resources with intrinsic functions resolved.
/// Resources are referenced through placeholders (<c>Ref X</c> → <c>X</c>, <c>GetAtt X.Arn</c> → <c>arn:X</c>).
/// </summary>
internal sealed class EvaluatedTemplate
{
    private EvaluatedTemplate(JsonObject source, IReadOnlyList<EvaluatedResource> resources, JsonObject outputs)
    {
        Source = source;
        Resources = resources;
        Outputs = outputs;
    }

    public JsonObject Source { get; }

    public IReadOnlyList<EvaluatedResource> Resources { get; }

    /// <summary>The outputs the stack would have (conditions applied), name → value.</summary>
    public JsonObject Outputs { get; }

    public IEnumerable<EvaluatedResource> OfType(string type) => Resources.Where(r => r.Type == type);

    public EvaluatedResource Single(string type) => Assert.Single(OfType(type));

    public static EvaluatedTemplate Evaluate(JsonObject template, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var evaluator = new TemplateEvaluator(template, parameters);
        foreach (var (logicalId, _) in evaluator.Resources)
        {
            evaluator.RecordResource(logicalId, logicalId, new Dictionary<string, string> { ["Arn"] = "arn:" + logicalId, ["ClientSecret"] = "secret:" + logicalId });
        }

        var resources = evaluator.Resources
            .Where(r => evaluator.IsCreated(r.Resource))
            .Select(r => new EvaluatedResource(
                r.LogicalId,
                r.Resource["Type"]!.GetValue<string>(),
                evaluator.Evaluate(r.Resource["Properties"] ?? new JsonObject())!.AsObject()))
            .ToList();

        var outputs = new JsonObject();
        foreach (var (name, output) in template[nameof(Outputs)] as JsonObject ?? [])
        {
            if (evaluator.IsCreated(output!.AsObject()))
            {
                outputs[name] = evaluator.Evaluate(output["Value"]);
            }
        }

        return new EvaluatedTemplate(template, resources, outputs);
    }
}
