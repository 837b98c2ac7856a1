using GenreML.Cli.Commands;
using GenreML.Cli.Invocation;

return TrainingTool.Handles(args) ? TrainingTool.Run(args) : await CommandLineApp.RunAsync(RawArguments.Restore(args));
