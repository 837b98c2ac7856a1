using System.Runtime.InteropServices;

namespace GenreML.Cli.Invocation;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into a request to stop (instead of killing the process), so that a batch
/// command can finish the file in hand, keep its results and print a summary. While one is alive the process
/// is not killed by those signals; dispose it to restore the default behaviour.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;
    private volatile string? _received;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public InterruptSignal()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>The signal received ("SIGINT" or "SIGTERM"), or null while none was.</summary>
    public string? Received => _received;

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        _received ??= context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
    }
}
