namespace CognitoFunctions.Testing.Tokens;

/// <summary>Two trusted pools: A (two clients, keys 1 and 2) and B (one client, key 4).</summary>
public static class TestPools
{
    public const string RegionA = "us-east-1";
    public const string PoolIdA = "us-east-1_PoolAaaa1";
    public const string ClientA1 = "clientA1";
    public const string ClientA2 = "clientA2";
    public const string RegionB = "eu-west-1";
    public const string PoolIdB = "eu-west-1_PoolBbbb2";
    public const string ClientB1 = "clientB1";
    public const string PathA = "/a/.well-known/jwks.json";
    public const string PathB = "/b/.well-known/jwks.json";

    public static string IssuerA => $"https://cognito-idp.{RegionA}.amazonaws.com/{PoolIdA}";

    public static string IssuerB => $"https://cognito-idp.{RegionB}.amazonaws.com/{PoolIdB}";
}
