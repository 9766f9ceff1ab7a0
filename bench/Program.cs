using CaseGrains.Bench;

// dotnet run -c Release --project bench -- <scenario> [options]
return await Scenarios.RunAsync(args);
