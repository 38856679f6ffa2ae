using System.Security.Cryptography;
using System.Text;

namespace CognitoFunctions.Cognito.Http;

/// <summary>Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message = username + client id)).</summary>
internal static class SecretHash
{
    public static string Compute(string clientSecret, string username, string clientId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(username + clientId)));
}
