namespace CognitoFunctions.Endpoints.Email;

/// <summary>The body of an email verification as sent.</summary>
internal sealed record VerifyEmailRequest(string? Code)
{
    /// <summary>The longest code accepted (Cognito's are six digits; the rule only bounds what reaches it).</summary>
    public const int MaxCodeLength = 64;

    public static RequestBody<VerifyEmailRequest, ValidVerifyEmail> Body { get; } = new(
        EmailJson.Default.VerifyEmailRequest,
        [FieldRule.Text("code", MaxCodeLength)],
        body => new ValidVerifyEmail(body.Code!.Trim()));
}

/// <summary>An email verification whose code met its rule, trimmed.</summary>
internal sealed record ValidVerifyEmail(string Code);

/// <summary>
/// The answer to a code request: where Cognito sent the code, masked as Cognito reports it (<c>d***@e***</c>), and by
/// what medium; either may be absent when Cognito does not say (cognito-local never does).
/// </summary>
internal sealed record EmailCodeSentResponse(string Message, string? Destination, string? DeliveryMedium)
{
    public static EmailCodeSentResponse From(Accounts.EmailCodeDelivery delivery) =>
        new("A verification code was sent to the email address", delivery.Destination, delivery.DeliveryMedium);
}
