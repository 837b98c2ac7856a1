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
    private readonly CancellationTokenSource _stop = new();
    private volatile string? _received;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public InterruptSignal()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>The signal received ("SIGINT" or "SIGTERM"), or null while none was.</summary>
    public string? Received => _received;

    /// <summary>Cancelled when a signal is received: for work that stops on a token rather than polling <see cref="Received"/>.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>
    /// Runs <paramref name="action"/> with a token cancelled by SIGINT/SIGTERM (or by <paramref name="cancel"/>). When a signal
    /// stopped it (<see cref="OperationCanceledException"/>), prints one line, <c>&lt;command&gt;: interrupted (SIGINT)</c> and
    /// <paramref name="advice"/> if any, and returns <see cref="ExitCodes.Interrupted"/>; otherwise returns the action's code.
    /// </summary>
    public static int Run(string command, Func<CancellationToken, int> action, string? advice = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var interrupt = new InterruptSignal();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, interrupt.Token);
        try
        {
            return action(stop.Token);
        }
        catch (OperationCanceledException) when (interrupt.Received is not null)
        {
            Console.Error.WriteLine($"{command}: interrupted ({interrupt.Received}){(advice is null ? "" : "; " + advice)}");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_received is null)
        {
            _received = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
            _stop.Cancel();
        }
    }
}
