using OtpNet;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>Codes of an authenticator app for a secret, from Otp.NET (a maintained TOTP library, not code of the tests').</summary>
internal static class TotpCodes
{
    /// <summary>The code the app shows now.</summary>
    public static string Current(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp();

    /// <summary>A six-digit code that is none of the codes of the current, previous and next windows.</summary>
    public static string Wrong(string secret)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var now = DateTime.UtcNow;
        var valid = new[] { now.AddSeconds(-30), now, now.AddSeconds(30) }.Select(t => totp.ComputeTotp(t)).ToHashSet();
        return Enumerable.Range(0, 4).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !valid.Contains(c));
    }
}
