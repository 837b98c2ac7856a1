using GenreML.Cli.Commands;
using GenreML.Cli.Invocation;

return await CommandLineApp.RunAsync(TrainingCommandCatalog.CreateRoot(), TrainingTool.CommandName, args);
