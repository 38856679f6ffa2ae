namespace CognitoFunctions.Cognito;

/// <summary>
/// One Cognito operation the client calls: its name (the <c>X-Amz-Target</c> suffix and the IAM action), whether it
/// is IAM-authorized (SigV4-signed), and whether it is safe to send again when an attempt's outcome is unknown.
/// The whole list, with the reason for each verdict, is <see cref="CognitoOperations"/>.
/// </summary>
/// <param name="Name">The operation, e.g. <c>ChangePassword</c>.</param>
/// <param name="IamAuthorized">
/// IAM-authorized: the request is SigV4-signed and the app's IAM policy must grant <see cref="IamAction"/>.
/// The others are authorized by their token or code and go unsigned, as the AWS SDKs send them.
/// </param>
/// <param name="Repeatable">
/// Sending the request again after an attempt whose outcome is unknown (a timeout, a connection broken after the
/// request was sent, HTTP 5xx) gives the same outcome as one delivery would, or an answer its caller recognises.
/// A call that is not repeatable is resent only when the earlier attempt certainly did nothing (a refused
/// connection, a throttling answer); otherwise the client throws
/// <see cref="Errors.CognitoOutcomeUnknownException"/>.
/// </param>
/// <param name="Reason">Why the operation is, or is not, repeatable.</param>
public sealed record CognitoOperation(string Name, bool IamAuthorized, bool Repeatable, string Reason)
{
    /// <summary>The IAM action that authorizes the operation, e.g. <c>cognito-idp:AdminCreateUser</c>.</summary>
    public string IamAction => $"cognito-idp:{Name}";

    /// <summary>The name of the operation's client span: <c>AWSCognitoIdentityProviderService/&lt;Name&gt;</c>, as RPC spans are named.</summary>
    internal string SpanName { get; } = $"{CognitoTelemetry.RpcService}/{Name}";

    /// <inheritdoc />
    public override string ToString() => Name;
}
