using CaseGrains.Persistence.Postgres;

namespace CaseGrains.Persistence.Tests.Postgres;

public sealed class SubjectCommitStatementsTests
{
    [Fact]
    public void Each_of_the_sixteen_variants_is_built_once_and_handed_out_for_its_own_flags()
    {
        var built = new List<string>();
        var statements = new SubjectCommitStatements((create, schedule, notifications, outbox) =>
        {
            var sql = $"{create} {schedule} {notifications} {outbox}";
            built.Add(sql);
            return sql;
        });

        var flags = new[] { false, true };
        foreach (var create in flags)
        {
            foreach (var schedule in flags)
            {
                foreach (var notifications in flags)
                {
                    foreach (var outbox in flags)
                    {
                        Assert.Equal($"{create} {schedule} {notifications} {outbox}", statements.For(create, schedule, notifications, outbox));
                    }
                }
            }
        }

        Assert.Equal(16, built.Count);
        Assert.Equal(16, built.Distinct().Count());
    }
}
