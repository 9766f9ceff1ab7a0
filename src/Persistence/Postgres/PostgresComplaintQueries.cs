using System.Text;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary><see cref="IComplaintQueries"/> on the <c>complaints</c> list columns: fixed fragments per filter, every value
/// a parameter, the count and the page in one batch. Region filters are ranges on <c>region_path</c>, as for cases.</summary>
public sealed class PostgresComplaintQueries(NpgsqlDataSource dataSource) : IComplaintQueries
{
    private const string Columns =
        "complaint_id, status, kind, agency_id, agency_name, region_path, handling_office_id, received_on, answer_due_on, "
        + "answer_overdue, substantiated, updated_at, version";

    public async Task<ComplaintPage> ListAsync(ComplaintListQuery query, CancellationToken cancellationToken = default)
    {
        ComplaintListRules.Validate(query);
        var (where, parameters) = Where(query);
        var orderBy = query.Sort == ComplaintSort.ReceivedNewestFirst
            ? "received_on DESC, complaint_id DESC"
            : "answer_due_on NULLS LAST, complaint_id";
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM complaints{where}");
        var page = new NpgsqlBatchCommand(
            $"SELECT {Columns} FROM complaints{where} ORDER BY {orderBy} LIMIT ${parameters.Count + 1} OFFSET ${parameters.Count + 2}");
        foreach (var parameter in parameters)
        {
            count.Parameters.Add(parameter.Clone());
            page.Parameters.Add(parameter.Clone());
        }

        page.Parameters.Add(Parameters.Bigint(query.PageSize));
        page.Parameters.Add(Parameters.Bigint(ComplaintListRules.Offset(query)));
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<ComplaintIndexEntry>(query.PageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ComplaintIndexEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetFieldValue<DateOnly>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8),
                reader.GetBoolean(9),
                reader.IsDBNull(10) ? null : reader.GetBoolean(10),
                reader.GetFieldValue<DateTimeOffset>(11),
                reader.GetInt64(12)));
        }

        return new ComplaintPage(items, total, query.Page, query.PageSize);
    }

    private static (string Sql, List<NpgsqlParameter> Parameters) Where(ComplaintListQuery query)
    {
        var conditions = new StringBuilder();
        var parameters = new List<NpgsqlParameter>();
        void Add(string condition, NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            conditions.Append(conditions.Length == 0 ? " WHERE " : " AND ")
                .Append(condition.Replace("{0}", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (query.ScopeRegionPath is { } scope)
        {
            Add("region_path >= {0}", Parameters.Text(scope));
            Add("region_path < {0}", Parameters.Text(CaseListRules.SubtreeEnd(scope)));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            Add("status = ANY({0})", Parameters.TextArray(statuses));
        }

        foreach (var (value, column) in new[] { (query.Kind, "kind"), (query.AgencyId, "agency_id"), (query.HandlingOfficeId, "handling_office_id") })
        {
            if (value is not null)
            {
                Add(column + " = {0}", Parameters.Text(value));
            }
        }

        if (query.RegionId is not null)
        {
            Add("region_path >= (SELECT r.path FROM regions r WHERE r.id = {0}) "
                + "AND region_path < (SELECT left(r.path, -1) || '0' FROM regions r WHERE r.id = {0})", Parameters.Text(query.RegionId));
        }

        if (query.Overdue is { } overdue)
        {
            Add(overdue ? "answer_due_on < {0}" : "(answer_due_on IS NULL OR answer_due_on >= {0})", Parameters.Date(query.Today));
        }

        if (query.Substantiated is { } substantiated)
        {
            Add("substantiated = {0}", Parameters.Boolean(substantiated));
        }

        if (query.Text is { } text)
        {
            Add(@"agency_name ILIKE {0} ESCAPE '\'", Parameters.Text(CaseListRules.ContainsPattern(text)));
        }

        return (conditions.ToString(), parameters);
    }
}
