namespace CognitoFunctions.Http;

/// <summary>Collects field errors of a request and turns them into one validation problem.</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Check(string field, string? error)
    {
        if (error is not null)
        {
            _errors[field] = [error];
        }

        return this;
    }

    public Validation Check(string field, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            _errors[field] = [.. errors];
        }

        return this;
    }

    /// <summary>Text that may be left out, at most <paramref name="maxLength"/> characters (as <see cref="FieldRule.OptionalText"/>).</summary>
    public Validation Optional(string field, string? value, int maxLength) => Check(field, FieldRule.CheckText(value, maxLength, required: false));

    public Problem ToProblem() => Problem(_errors);

    public static Problem Problem(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.Validation, "See errors for what to fix in each field.") { Errors = errors };
}
