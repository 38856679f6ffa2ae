using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun;

/// <summary>How the run came by its pool.</summary>
internal enum PoolOrigin
{
    /// <summary>No pool was recorded: provisioned from the template.</summary>
    Provisioned,

    /// <summary>The recorded pool and client still exist: reused with their users.</summary>
    Reused,

    /// <summary>A pool was recorded but is gone from cognito-local (or its client is): provisioned anew.</summary>
    ReplacedMissing,
}

/// <summary>The pool the app runs against, and how it was obtained.</summary>
/// <param name="Pool">Its ids and addresses.</param>
/// <param name="Origin">Provisioned, reused or replaced.</param>
/// <param name="PreviousUserPoolId">The recorded pool id that was gone, for <see cref="PoolOrigin.ReplacedMissing"/>.</param>
/// <param name="TemplateChanged">A reused pool was provisioned from another version of aws-cognito.yaml.</param>
internal sealed record PoolOutcome(ProvisionedPool Pool, PoolOrigin Origin, string? PreviousUserPoolId, bool TemplateChanged);
