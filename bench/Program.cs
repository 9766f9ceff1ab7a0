using CaseGrains.Bench;

// Every host the bench starts, in this process or in a child (which inherits the environment), would watch its content
// root, the working directory, for changes to its settings, and recursively. Run from a directory that holds
// PostgreSQL's data (scripts/pg.sh keeps it in the repository's .pg/), every file PostgreSQL writes wakes the watcher:
// 2% of the gateway's CPU in a perf profile of transitions-http. A deployed process runs in its own quiet directory
// (WORKDIR /app).
Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

// dotnet run -c Release --project bench -- <scenario> [options]
return await Scenarios.RunAsync(args);
