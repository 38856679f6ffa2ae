using System.Text.Json;

namespace CognitoFunctions.LocalRun;

/// <summary>
/// What a run provisioned in its data directory, so the next run reuses that pool and client (and their users)
/// instead of creating new ones: cognito-local generates the ids.
/// </summary>
/// <param name="Region">The region of the pool's issuer.</param>
/// <param name="UserPoolId">The pool id (<c>local_…</c>).</param>
/// <param name="ClientId">The app client id.</param>
/// <param name="TemplateSha256">SHA-256 of the aws-cognito.yaml the pool was provisioned from, to notice a changed template.</param>
internal sealed record PoolState(string Region, string UserPoolId, string ClientId, string TemplateSha256)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The recorded state; null when there is none or it cannot be read (then the pool is provisioned anew).</summary>
    public static PoolState? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<PoolState>(File.ReadAllText(path), Json);
            return state is { Region.Length: > 0, UserPoolId.Length: > 0, ClientId.Length: > 0 } ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
