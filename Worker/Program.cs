using System.Runtime.InteropServices;
using Pipeline.Worker.Cli;

// Ctrl+C and SIGTERM cancel the token: in-flight fetches are abandoned, every stored item stays (each is its own
// transaction) and the next run resumes where this one stopped.
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; cts.Cancel(); });
return await Commands.RunAsync(args, ct: cts.Token);
