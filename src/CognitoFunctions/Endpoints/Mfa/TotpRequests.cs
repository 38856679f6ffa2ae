namespace CognitoFunctions.Endpoints.Mfa;

/// <summary>The body of a TOTP verification as sent.</summary>
internal sealed record VerifyTotpRequest(string? Code)
{
    /// <summary>Six digits, as authenticator apps show them.</summary>
    public static RequestBody<VerifyTotpRequest, ValidVerifyTotp> Body { get; } = new(
        MfaJson.Default.VerifyTotpRequest,
        [FieldRule.Digits("code", CodeLength)],
        body => new ValidVerifyTotp(body.Code!.Trim()));

    private const int CodeLength = 6;
}

/// <summary>A TOTP verification whose fields met their rules.</summary>
internal sealed record ValidVerifyTotp(string Code);

/// <summary>The answer to an enrolment: the secret and the URI an authenticator app reads (a QR code of it, typically).</summary>
internal sealed record TotpEnrolmentResponse(string SecretCode, string OtpAuthUri)
{
    public static TotpEnrolmentResponse From(Accounts.TotpEnrolment enrolment) => new(enrolment.SecretCode, enrolment.OtpAuthUri);

    /// <inheritdoc />
    public override string ToString() => $"{nameof(TotpEnrolmentResponse)} {{ SecretCode = ***, OtpAuthUri = *** }}";
}
