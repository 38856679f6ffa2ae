using System.Diagnostics;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>For tests that check a process they did not start is gone.</summary>
public static class ProcessState
{
    /// <summary>Whether a process with this id is still running.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
