using OtpNet;

// totp <base32 secret>: the code an authenticator app shows now for the secret (Cognito's parameters: SHA-1, 6 digits,
// 30 seconds), computed by Otp.NET. Exit 2 when the argument is not one base32 secret.
if (args is not [var secret] || string.IsNullOrWhiteSpace(secret))
{
    await Console.Error.WriteLineAsync("usage: totp <base32 secret>   (the secretCode of an enrolment or of an MFA_SETUP challenge)");
    return 2;
}

byte[] key;
try
{
    key = Base32Encoding.ToBytes(secret.Trim());
}
catch (ArgumentException)
{
    await Console.Error.WriteLineAsync("totp: the secret is not base32 (letters A-Z and digits 2-7).");
    return 2;
}

if (key.Length == 0)
{
    await Console.Error.WriteLineAsync("totp: the secret is empty.");
    return 2;
}

Console.WriteLine(new Totp(key).ComputeTotp());
return 0;
