namespace CognitoFunctions.Authentication.Tests.Support;

public static class ValueTaskExtensions
{
    /// <summary>The result of a value task that must have completed synchronously (the allocation-free paths).</summary>
    public static T Completed<T>(this ValueTask<T> task)
    {
        Assert.True(task.IsCompletedSuccessfully, "The operation went asynchronous.");
        return task.Result;
    }
}
