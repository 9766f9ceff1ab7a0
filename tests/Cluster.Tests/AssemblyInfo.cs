// Each test runs a whole cluster of processes; two at once on a two-core machine would only prove the machine slow.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
