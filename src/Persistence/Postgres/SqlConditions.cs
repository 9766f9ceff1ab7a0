using System.Text;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>A WHERE clause under construction: conditions with <c>{0}</c> for their parameter's position.</summary>
internal sealed class SqlConditions
{
    private readonly StringBuilder conditions = new();
    private readonly List<Func<NpgsqlParameter>> parameters = [];

    public string Sql => conditions.Length == 0 ? string.Empty : " WHERE " + conditions;

    public int Next() => parameters.Count + 1;

    public void AddIf(string? value, string condition)
    {
        if (value is not null)
        {
            Add(condition, Parameters.Text(value));
        }
    }

    public void Add(string condition, NpgsqlParameter parameter)
    {
        Add(condition.Replace("{0}", "$" + Next(), StringComparison.Ordinal));
        parameters.Add(() => parameter.Clone());
    }

    /// <summary>A condition without a parameter.</summary>
    public void Add(string condition)
    {
        if (conditions.Length > 0)
        {
            conditions.Append(" AND ");
        }

        conditions.Append(condition);
    }

    /// <summary>A command with its own copies of the filter's parameters (a parameter belongs to one command).</summary>
    public NpgsqlBatchCommand Command(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter());
        }

        return command;
    }
}
