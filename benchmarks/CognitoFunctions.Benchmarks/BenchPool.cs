namespace CognitoFunctions.Benchmarks;

/// <summary>The pool the tokens claim to come from, and a second issuer and client no verifier trusts.</summary>
internal static class BenchPool
{
    public const string Region = "us-east-1";
    public const string UserPoolId = "us-east-1_BenchPo0l";
    public const string ClientId = "4f7kq2bench0client0id00000";
    public const string ForeignClientId = "7u2nforeign0client0id00000";

    public static string Issuer => $"https://cognito-idp.{Region}.amazonaws.com/{UserPoolId}";

    public static string ForeignIssuer => "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Foreign00";
}
