using Orleans.Runtime;

namespace CaseGrains.Persistence.Tests.OrleansAdoNet;

/// <summary>A tiny grain that exercises the three ADO.NET providers: grain state, reminders, and (by existing) clustering.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task<ProbeSnapshot> GetAsync();

    Task SetAsync(string value);

    Task ClearAsync();

    /// <summary>Deactivates this activation once the call returns, so the next call starts a new one that reads storage.</summary>
    Task DeactivateAsync();

    Task RegisterReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    /// <summary>The reminder's name as Orleans reads it back, or null when Orleans finds none.</summary>
    Task<string?> GetReminderNameAsync(string reminderName);
}

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string? Value { get; set; }
}

/// <summary>What one activation sees: the state, its etag, and an id unique to the activation.</summary>
[GenerateSerializer]
public sealed record ProbeSnapshot(
    [property: Id(0)] string? Value,
    [property: Id(1)] string? ETag,
    [property: Id(2)] bool RecordExists,
    [property: Id(3)] Guid ActivationId);

public sealed class ProbeGrain(
    // The state name ("probe") is what OrleansStorage.GrainTypeString holds, not the class name.
    [PersistentState(ProbeGrain.StateName, OrleansClusterFixture.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain, IRemindable
{
    public const string StateName = "probe";

    private readonly Guid _activationId = Guid.NewGuid();

    public Task<ProbeSnapshot> GetAsync() =>
        Task.FromResult(new ProbeSnapshot(state.State.Value, state.Etag, state.RecordExists, _activationId));

    public Task SetAsync(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task RegisterReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task<string?> GetReminderNameAsync(string reminderName) =>
        (await this.GetReminder(reminderName))?.ReminderName;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
