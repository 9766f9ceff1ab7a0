using CaseGrains.Bench;

// Every host the bench starts, in this process or in a child (which inherits the environment), would watch its content
// root, the working directory, for changes to its settings, and recursively: run from the repository, that takes in
// scripts/pg.sh's data directory (.pg/data), so every file PostgreSQL writes woke the host's file watcher (2% of the
// gateway's CPU in a perf profile of transitions-http). A deployed process runs in its own quiet directory (WORKDIR /app).
Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

// dotnet run -c Release --project bench -- <scenario> [options]
return await Scenarios.RunAsync(args);
