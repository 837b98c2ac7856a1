using GenreML.Cli.Invocation;

return await CommandLineApp.RunAsync(args);
