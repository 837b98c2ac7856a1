using GenreML.Cli.Commands;

return await TrainingCommandCatalog.CreateRoot().Parse(args).InvokeAsync();
