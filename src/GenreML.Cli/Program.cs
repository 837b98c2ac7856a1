using GenreML.Cli.Commands;

return TrainingTool.Handles(args) ? TrainingTool.Run(args) : await CommandCatalog.CreateRoot().Parse(args).InvokeAsync();
