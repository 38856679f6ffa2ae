namespace CognitoFunctions.FunctionalTests.Contract;

/// <summary>An answer of the app that its OpenAPI document does not describe.</summary>
public sealed class ContractViolationException : Exception
{
    private const int ShownBodyBytes = 600;

    public ContractViolationException()
    {
    }

    public ContractViolationException(string message)
        : base(message)
    {
    }

    public ContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ContractViolationException(Answer answer, IReadOnlyList<string> violations)
        : base($"{answer.Method} {answer.Path} answered {answer.Status} ({answer.MediaType ?? "no Content-Type"}), which the OpenAPI document does not describe:\n- "
            + string.Join("\n- ", violations)
            + $"\nBody: {System.Text.Encoding.UTF8.GetString(answer.Body.AsSpan(0, Math.Min(answer.Body.Length, ShownBodyBytes)))}")
    {
    }
}
