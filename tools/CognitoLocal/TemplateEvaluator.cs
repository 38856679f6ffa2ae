using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// Evaluates the intrinsic functions of a CloudFormation template the way a stack would, for the subset a
/// template of ours uses: Ref, Fn::Sub, Fn::GetAtt, Fn::If, Fn::Equals, Fn::Not, Fn::Or, Fn::And, Fn::Join,
/// Fn::FindInMap, conditions and AWS::NoValue. Parameters take their defaults unless overridden, and are refused as a stack
/// would refuse them (AllowedValues, AllowedPattern, MinValue/MaxValue, and the assertions of the Rules section);
/// resources are referenced through the physical ids and attributes the caller has recorded so far. Anything
/// else is an error, never a silent pass-through.
/// </summary>
public sealed class TemplateEvaluator
{
    private readonly JsonObject _template;
    private readonly Dictionary<string, JsonNode?> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _conditions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _physicalIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Resource, string Attribute), string> _attributes = [];

    /// <summary>Creates an evaluator with parameter defaults, <paramref name="parameterOverrides"/> and pseudo parameters.</summary>
    public TemplateEvaluator(JsonObject template, IReadOnlyDictionary<string, string>? parameterOverrides = null, string stackName = "cognito-functions-local", string region = "us-east-1")
    {
        _template = template;
        var declared = template["Parameters"] as JsonObject ?? [];
        foreach (var name in parameterOverrides?.Keys ?? [])
        {
            if (!declared.ContainsKey(name))
            {
                throw new ArgumentException($"The template declares no parameter '{name}'.", nameof(parameterOverrides));
            }
        }

        foreach (var (name, declaration) in declared)
        {
            string? text = parameterOverrides is not null && parameterOverrides.TryGetValue(name, out var given)
                ? given
                : declaration?["Default"] is JsonNode @default ? ScalarToString(@default) : null;
            _parameters[name] = text is null
                ? throw new ArgumentException($"Parameter '{name}' has no default and no value was given.", nameof(parameterOverrides))
                : TypedParameter(name, declaration!.AsObject(), text);
        }

        _parameters["AWS::StackName"] = stackName;
        _parameters["AWS::Region"] = region;
        _parameters["AWS::AccountId"] = "000000000000";
        _parameters["AWS::Partition"] = "aws";
        _parameters["AWS::URLSuffix"] = "amazonaws.com";
        CheckRules();
    }

    /// <summary>The template's resources, in the order they are written.</summary>
    public IEnumerable<(string LogicalId, JsonObject Resource)> Resources =>
        (_template[nameof(Resources)] as JsonObject ?? []).Select(pair => (pair.Key, pair.Value!.AsObject()));

    /// <summary>A parameter's effective value (typed: numbers for Number parameters, booleans for true/false choices).</summary>
    public JsonNode? Parameter(string name) => _parameters.TryGetValue(name, out var value)
        ? value?.DeepClone()
        : throw new KeyNotFoundException($"No parameter '{name}'.");

    /// <summary>Whether a resource exists in the stack: it has no Condition, or its condition holds.</summary>
    public bool IsCreated(JsonObject resource) =>
        resource["Condition"] is not JsonNode condition || Condition(condition.GetValue<string>());

    /// <summary>Evaluates a named condition of the template's Conditions section.</summary>
    public bool Condition(string name)
    {
        if (_conditions.TryGetValue(name, out var known))
        {
            return known;
        }

        var definition = (_template["Conditions"] as JsonObject)?[name] ?? throw new KeyNotFoundException($"No condition '{name}'.");
        var result = Evaluate(definition) is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw new FormatException($"Condition '{name}' does not evaluate to a boolean.");
        _conditions[name] = result;
        return result;
    }

    // A rule applies when its RuleCondition holds (or it has none); each of its assertions must then hold, or the
    // parameters are refused with the assertion's description, before anything is created.
    private void CheckRules()
    {
        foreach (var (name, rule) in _template["Rules"] as JsonObject ?? [])
        {
            if (rule?["RuleCondition"] is JsonNode condition && !Bool(condition))
            {
                continue;
            }

            foreach (var assertion in rule?["Assertions"] as JsonArray ?? throw new FormatException($"Rule '{name}' has no Assertions."))
            {
                if (!Bool(assertion?["Assert"] ?? throw new FormatException($"An assertion of rule '{name}' has no Assert.")))
                {
                    var description = assertion["AssertDescription"]?.GetValue<string>() ?? "its assertion does not hold";
                    throw new ArgumentException($"Rule '{name}': {description}");
                }
            }
        }
    }

    /// <summary>Records what <c>Ref</c> and <c>Fn::GetAtt</c> of a created resource return.</summary>
    public void RecordResource(string logicalId, string physicalId, IReadOnlyDictionary<string, string>? attributes = null)
    {
        _physicalIds[logicalId] = physicalId;
        foreach (var (attribute, value) in attributes ?? new Dictionary<string, string>())
        {
            _attributes[(logicalId, attribute)] = value;
        }
    }

    /// <summary>Evaluates every intrinsic function in <paramref name="node"/>; properties that are AWS::NoValue are dropped.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } function when IsFunction(function) => EvaluateFunction(function.First().Key, function.First().Value),
        JsonObject obj => EvaluateObject(obj),
        JsonArray array => new JsonArray(array.Select(Evaluate).Where(item => !IsNoValue(item)).ToArray()),
        _ => node?.DeepClone(),
    };

    private static bool IsFunction(JsonObject obj) =>
        obj.First().Key is "Ref" or "Condition" || obj.First().Key.StartsWith("Fn::", StringComparison.Ordinal);

    private static readonly JsonObject NoValue = new() { ["__NoValue"] = true };

    private static bool IsNoValue(JsonNode? node) => ReferenceEquals(node, NoValue);

    private JsonObject EvaluateObject(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var evaluated = Evaluate(value);
            if (!IsNoValue(evaluated))
            {
                result[key] = evaluated;
            }
        }

        return result;
    }

    private JsonNode? EvaluateFunction(string name, JsonNode? argument) => name switch
    {
        "Ref" => Ref(argument!.GetValue<string>()),
        "Condition" => Condition(argument!.GetValue<string>()),
        "Fn::Sub" => Sub(argument),
        "Fn::GetAtt" => GetAtt(argument!.AsArray()),
        "Fn::If" => If(argument!.AsArray()),
        "Fn::Equals" => ScalarToString(Evaluate(argument![0])) == ScalarToString(Evaluate(argument[1])),
        "Fn::Not" => !Bool(argument![0]),
        "Fn::Or" => argument!.AsArray().Any(Bool),
        "Fn::And" => argument!.AsArray().All(Bool),
        "Fn::Join" => string.Join(argument![0]!.GetValue<string>(), Evaluate(argument[1])!.AsArray().Select(ScalarToString)),
        "Fn::FindInMap" => FindInMap(argument!.AsArray()),
        _ => throw new NotSupportedException($"Intrinsic function {name} is not supported by the template evaluator."),
    };

    private bool Bool(JsonNode? node) =>
        Evaluate(node) is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw new FormatException($"'{node?.ToJsonString()}' is not a boolean condition.");

    private JsonNode? If(JsonArray arguments)
    {
        var chosen = Condition(arguments[0]!.GetValue<string>()) ? arguments[1] : arguments[2];
        return Evaluate(chosen);
    }

    private JsonNode? Ref(string name)
    {
        if (name == "AWS::NoValue")
        {
            return NoValue;
        }

        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter?.DeepClone();
        }

        return _physicalIds.TryGetValue(name, out var physicalId)
            ? physicalId
            : throw new InvalidOperationException($"Ref '{name}' names neither a parameter nor a resource created so far.");
    }

    private JsonNode? FindInMap(JsonArray arguments)
    {
        var keys = arguments.Select(argument => ScalarToString(Evaluate(argument))).ToList();
        if (keys.Count != 3)
        {
            throw new FormatException($"Fn::FindInMap takes a map name and two keys, not {keys.Count} arguments.");
        }

        var value = (_template["Mappings"] as JsonObject)?[keys[0]!]?[keys[1]!]?[keys[2]!];
        return value is null
            ? throw new KeyNotFoundException($"Fn::FindInMap: the mapping '{keys[0]}' has no value at '{keys[1]}' / '{keys[2]}'.")
            : Evaluate(value);
    }

    private JsonNode GetAtt(JsonArray arguments)
    {
        var resource = arguments[0]!.GetValue<string>();
        var attribute = arguments[1]!.GetValue<string>();
        return _attributes.TryGetValue((resource, attribute), out var value)
            ? value
            : throw new InvalidOperationException($"Fn::GetAtt {resource}.{attribute} is not known (the resource is not created, or has no such attribute here).");
    }

    private string Sub(JsonNode? argument)
    {
        var (text, variables) = argument switch
        {
            JsonArray array => (array[0]!.GetValue<string>(), array[1]!.AsObject()),
            _ => (argument!.GetValue<string>(), new JsonObject()),
        };

        var result = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            result.Append(text, position, start - position);
            if (start + 2 < text.Length && text[start + 2] == '!')
            {
                // "${!Literal}" writes "${Literal}".
                result.Append("${");
                position = start + 3;
                continue;
            }

            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                throw new FormatException($"Unclosed '${{' in Fn::Sub '{text}'.");
            }

            var name = text[(start + 2)..end];
            JsonNode? value = variables.TryGetPropertyValue(name, out var variable) ? Evaluate(variable)
                : name.Contains('.', StringComparison.Ordinal) ? GetAtt(new JsonArray(name[..name.IndexOf('.', StringComparison.Ordinal)], name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]))
                : Ref(name);
            result.Append(ScalarToString(value));
            position = end + 1;
        }

        return result.ToString();
    }

    private static JsonValue TypedParameter(string name, JsonObject declaration, string text)
    {
        var type = declaration["Type"]?.GetValue<string>() ?? "String";
        if (declaration["AllowedValues"] is JsonArray allowed && !allowed.Any(v => ScalarToString(v) == text))
        {
            throw new ArgumentException($"Parameter '{name}' value '{text}' is not among its AllowedValues.");
        }

        if (declaration["AllowedPattern"] is JsonNode pattern && !Regex.IsMatch(text, $"^(?:{pattern.GetValue<string>()})$", RegexOptions.CultureInvariant))
        {
            throw new ArgumentException($"Parameter '{name}' value '{text}' does not match its AllowedPattern.");
        }

        if (type == "Number")
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                throw new ArgumentException($"Parameter '{name}' value '{text}' is not a number.");
            }

            if (declaration["MinValue"] is JsonNode min && number < min.GetValue<long>() || declaration["MaxValue"] is JsonNode max && number > max.GetValue<long>())
            {
                throw new ArgumentException($"Parameter '{name}' value {number} is outside its MinValue/MaxValue.");
            }

            return JsonValue.Create(number);
        }

        // A String parameter that chooses between 'true' and 'false' feeds Boolean properties.
        return declaration["AllowedValues"] is JsonArray { Count: 2 } choices && choices.All(v => ScalarToString(v) is "true" or "false")
            ? JsonValue.Create(text == "true")
            : JsonValue.Create(text);
    }

    private static string? ScalarToString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue value => value.ToJsonString(),
        _ => throw new FormatException($"'{node.ToJsonString()}' is not a scalar."),
    };
}
