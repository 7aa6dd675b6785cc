using Pipeline.Worker.Cli;

// Ctrl+C and SIGTERM cancel the token: in-flight fetches are abandoned and the store stays consistent.
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await Commands.RunAsync(args, ct: cts.Token);
