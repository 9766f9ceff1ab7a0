using CaseGrains.Persistence.Cases;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="ICaseQueries"/> on the <c>cases</c> index columns. The statement is assembled from fixed fragments,
/// one per filter present; every value travels as a parameter. The page comes first and is a deferred join: the inner
/// query picks the page's case ids from an index, whose entries carry the filter and scope columns, so that the
/// entries a filter or the scope rejects are checked on the index (an index-only scan), not by reading their rows;
/// only the page's rows are read, by key. A page shorter than asked for tells the total; otherwise a second statement
/// counts, bounded (<see cref="CaseListRules.CountBound"/>), so a list of a million cases stops counting at the bound.
/// The region filter reads the region's path in an init-plan and turns the subtree into a range on
/// <c>region_path</c> (byte order: every path with prefix <c>/A/B/</c> lies in <c>[/A/B/, /A/B0)</c>), which the
/// btree on <c>region_path</c> serves. The scope (<see cref="CaseListScope"/>) is one more condition of the same kind;
/// the body scope is <c>competent_body_id = $n OR receiving_body_id = $n</c>, which PostgreSQL answers with a
/// BitmapOr of the two body indexes (or, for a body with many cases, by walking the sort's index and filtering).
/// </summary>
public sealed class PostgresCaseQueries(NpgsqlDataSource dataSource) : ICaseQueries
{
    private const string Columns =
        "case_id, status, receiving_body_id, competent_body_id, respondent_agency_id, intake_point_id, region_path, channel, "
        + "enterprise_related, applicant_name, agency_name, received_on, nearest_due_on, updated_at, version, applicant_user_id";

    public async Task<CasePage> ListAsync(CaseListQuery query, CancellationToken cancellationToken = default)
    {
        CaseListRules.Validate(query);
        var (count, page) = BuildCommands(query);
        var items = new List<CaseIndexEntry>(query.PageSize);
        await using (var batch = dataSource.CreateBatch())
        {
            batch.BatchCommands.Add(page);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        if (CaseListRules.TotalFromPage(query, items.Count) is { } total)
        {
            return new CasePage(items, total, query.Page, query.PageSize);
        }

        await using var counting = dataSource.CreateBatch();
        counting.BatchCommands.Add(count);
        return CaseListRules.Page(query, items, (long)(await counting.ExecuteScalarAsync(cancellationToken))!);
    }

    private static CaseIndexEntry Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetBoolean(8),
        reader.GetString(9),
        reader.GetString(10),
        reader.GetFieldValue<DateOnly>(11),
        reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
        reader.GetFieldValue<DateTimeOffset>(13),
        reader.GetInt64(14),
        reader.IsDBNull(15) ? null : reader.GetString(15));

    /// <summary>The count command and the page command for <paramref name="query"/> (visible to tests, which EXPLAIN them).</summary>
    internal static (NpgsqlBatchCommand Count, NpgsqlBatchCommand Page) BuildCommands(CaseListQuery query)
    {
        var where = new SqlConditions();
        AddScope(where, query.Scope);
        if (CaseListRules.HasStatuses(query))
        {
            // One status is an equality, which lets an index on (..., status, ..., nearest_due_on) return rows in the
            // default order; = ANY on a later index column does not.
            if (query.Statuses!.Count == 1)
            {
                where.Add("status = {0}", Parameters.Text(query.Statuses[0]));
            }
            else
            {
                where.Add("status = ANY({0})", Parameters.TextArray(query.Statuses!));
            }
        }

        where.AddIf(query.ReceivingBodyId, "receiving_body_id = {0}");
        where.AddIf(query.CompetentBodyId, "competent_body_id = {0}");
        where.AddIf(query.RespondentAgencyId, "respondent_agency_id = {0}");
        where.AddIf(query.Channel, "channel = {0}");
        if (query.RegionId is not null)
        {
            where.Add(
                "region_path >= (SELECT r.path FROM regions r WHERE r.id = {0}) "
                + "AND region_path < (SELECT left(r.path, -1) || '0' FROM regions r WHERE r.id = {0})",
                Parameters.Text(query.RegionId));
        }

        if (query.EnterpriseRelated is { } enterpriseRelated)
        {
            where.Add("enterprise_related = {0}", Parameters.Boolean(enterpriseRelated));
        }

        if (query.DueBefore is { } dueBefore)
        {
            where.Add("nearest_due_on <= {0}", Parameters.Date(dueBefore));
        }

        if (query.Overdue is { } overdue)
        {
            where.Add(
                overdue ? "nearest_due_on < {0}" : "(nearest_due_on IS NULL OR nearest_due_on >= {0})",
                Parameters.Date(query.Today));
        }

        if (query.Text is { } text)
        {
            // The names are searched in their own table (0280), whose indexes ordinary case updates do not write. A piece
            // of one or two characters is in the names exactly when the names hold it; the ILIKE is left out there, because
            // the planner would also read the trigram index for it, which finds nothing to narrow and costs seconds.
            if (CaseListRules.IsShortText(text))
            {
                where.Add(
                    "case_id IN (SELECT n.case_id FROM case_names n WHERE n.short_grams @> ARRAY[lower({0})])",
                    Parameters.Text(text));
            }
            else
            {
                where.Add(
                    @"case_id IN (SELECT n.case_id FROM case_names n WHERE n.applicant_name ILIKE {0} ESCAPE '\' OR n.agency_name ILIKE {0} ESCAPE '\')",
                    Parameters.Text(CaseListRules.ContainsPattern(text)));
            }
        }

        var orderBy = query.Sort switch
        {
            CaseSort.ReceivedNewestFirst => "received_on DESC, case_id DESC",
            CaseSort.ReceivedOldestFirst => "received_on, case_id",
            _ => "nearest_due_on NULLS LAST, case_id",
        };
        var limit = where.Next();
        var offset = limit + 1;
        var count = where.Command($"SELECT count(*) FROM (SELECT FROM cases{where.Sql} LIMIT ${limit}) AS bounded");
        count.Parameters.Add(Parameters.Bigint(CaseListRules.CountBound(query) + 1));
        var page = where.Command(
            $"SELECT {Columns} FROM cases WHERE case_id IN "
            + $"(SELECT case_id FROM cases{where.Sql} ORDER BY {orderBy} LIMIT ${limit} OFFSET ${offset}) ORDER BY {orderBy}");
        page.Parameters.Add(Parameters.Bigint(query.PageSize));
        page.Parameters.Add(Parameters.Bigint(CaseListRules.Offset(query)));
        return (count, page);
    }

    /// <summary>The conditions of <paramref name="scope"/> (nothing when null): shared with the statistics, which see
    /// exactly the cases a list would.</summary>
    internal static void AddScope(SqlConditions where, CaseListScope? scope)
    {
        if (scope is null)
        {
            return;
        }

        where.AddIf(scope.ApplicantUserId, "applicant_user_id = {0}");
        where.AddIf(scope.IntakePointId, "intake_point_id = {0}");
        where.AddIf(scope.BodyId, "(competent_body_id = {0} OR receiving_body_id = {0})");
        where.AddIf(scope.RespondentAgencyId, "respondent_agency_id = {0}");
        if (scope.RegionPathPrefix is { } path)
        {
            where.Add("region_path >= {0}", Parameters.Text(path));
            where.Add("region_path < {0}", Parameters.Text(CaseListRules.SubtreeEnd(path)));
        }
    }
}
