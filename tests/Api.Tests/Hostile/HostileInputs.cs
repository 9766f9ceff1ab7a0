using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Hostile;

/// <summary>The cases and people the hostile requests aim at.</summary>
/// <param name="Owned">Cases of the Dadong body, just received (status <c>received</c>).</param>
/// <param name="Foreign">A case of another city's body (Yingkou).</param>
/// <param name="OfferedOnReceipt">The actions the Dadong head may take on a case just received: the only ones
/// whose hostile variants could succeed, so they get only variants that cannot.</param>
public sealed record HostileTargets(IReadOnlyList<string> Owned, string Foreign, IReadOnlySet<string> OfferedOnReceipt);

/// <summary>
/// Generates the hostile requests, deterministically from a seed, from templates: tokens that must not pass,
/// malformed and truncated JSON, wrong types for every field, boundary numbers and dates, injection strings,
/// control and bidirectional characters, strings over the limit, oversize and deeply nested bodies, wrong content
/// types, unknown and disguised actions, malformed case ids and headers, other organisations' ids and principals,
/// hostile list and calendar queries, and methods no route takes.
/// </summary>
/// <remarks>
/// Every write is built so that a correct server refuses it: actions on a case just received are either ones the
/// state does not allow (so any parseable body is a 409), or ones it allows with a change that no valid command has
/// (an unknown property, a wrong type, a stale If-Match). Receipts by the clerk of the point they name may be valid
/// whatever is mutated (a name may be any text), so they are marked <see cref="HostileRequest.MayOpenCase"/>.
/// </remarks>
public sealed class HostileInputs(HostileTargets targets, int seed)
{
    private const string Cases = "/api/v1/cases";
    private const string Placeholder = "\u0001raw\u0001";

    private static readonly JsonSerializerOptions Literal = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random random = new(seed);

    private static Who Head => Actors.DadongHead;

    private static Who Clerk => Actors.TrafficPointClerk;

    /// <summary>Strings an attacker tries in any text field, as raw JSON literals.</summary>
    public static readonly string[] Injections =
    [
        S("' OR 1=1 --"),
        S("\"; DROP TABLE cases; --"),
        S("'); DELETE FROM case_history; --"),
        S("1; SELECT pg_sleep(5)"),
        S("%' OR '%'='"),
        S("_%\\"),
        S("../../../../etc/passwd"),
        S("..\\..\\..\\windows\\win.ini"),
        S("<script>alert(1)</script>"),
        S("{{7*7}}${7*7}"),
        S("${jndi:ldap://example.invalid/a}"),
        S("\u202eevil\u202c"),
        S("😀👨‍👩‍👧"),
        S("ＲＣ－００００"),
        "\"\\ud800\"",
        "\"\\udc00\\ud800\"",
        S("null"),
    ];

    /// <summary>Control characters, escaped in otherwise valid JSON: every one must be refused (400).</summary>
    public static readonly string[] ControlCharacters = ["\"a\\u0000b\"", "\"\\u0007\"", "\"\\u001b[31mred\"", "\"\\u007f\"", "\"x\\u0085y\""];

    /// <summary>Values of every JSON kind, to put where another kind belongs.</summary>
    public static readonly string[] Kinds = ["12345", "-1", "1.5", "true", "false", "\"text\"", "null", "[]", "{}", "[\"a\",1]", "{\"a\":{}}", "1e400"];

    public static readonly string[] Numbers =
    [
        "0", "-0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775808", "1e308", "1e400", "-1e400",
        "0.0001", "1E-400", "99999999999999999999999999999", "0x10", "01", "+1", "NaN", "Infinity", "\"200\"",
    ];

    public static readonly string[] Dates =
    [
        "\"0000-00-00\"", "\"2026-02-30\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"2024-02-29\"", "\"2026-13-01\"", "\"20260101\"",
        "\"2026-01-01T00:00:00\"", "\"\"", "\"yesterday\"", "\"2026-1-1\"", "\"+002026-01-01\"", "\"２０２６-０１-０１\"", "20260101",
    ];

    public IEnumerable<HostileRequest> All() =>
    [
        .. Tokens(),
        .. Receipts(),
        .. Actions(),
        .. CaseIds(),
        .. Lists(),
        .. Methods(),
        .. Directory(),
        .. Deadlines(),
    ];

    /// <summary>Every endpoint with every token that must not pass: 401, or 403 for a well-signed token whose claims
    /// name no known principal.</summary>
    public IEnumerable<HostileRequest> Tokens()
    {
        var owned = targets.Owned[0];
        (HttpMethod Method, string Path, string? Body, Who Who)[] endpoints =
        [
            (HttpMethod.Get, Cases, null, Head),
            (HttpMethod.Get, $"{Cases}/{owned}", null, Head),
            (HttpMethod.Get, $"{Cases}/{owned}/history", null, Head),
            (HttpMethod.Get, $"{Cases}/{owned}/history/verification", null, Head),
            (HttpMethod.Post, Cases, Applications.TrafficFine("令牌攻击").ToJsonString(), Clerk),
            (HttpMethod.Post, $"{Cases}/{owned}/actions", """{"action":"withdraw"}""", Head),
            (HttpMethod.Get, "/api/v1/organisations", null, Actors.Administrator),
            (HttpMethod.Put, "/api/v1/regions/R210199", """{"name":"攻击区","level":"county","parentId":"R210100"}""", Actors.Administrator),
            (HttpMethod.Put, "/api/v1/organisations/A-HOSTILE", """{"name":"x","kind":"enforcementAgency","regionId":"R210104"}""", Actors.Administrator),
            (HttpMethod.Put, "/api/v1/calendar/years/2031", """{"off":[],"makeupWorkdays":[]}""", Actors.Administrator),
            (HttpMethod.Get, "/api/v1/calendar/deadline?from=2026-01-05&days=5&unit=workingDays", null, Head),
        ];
        foreach (var (method, path, body, who) in endpoints)
        {
            foreach (var (name, authorization) in HostileTokens.For(who))
            {
                yield return new HostileRequest("token: " + name, method, path)
                {
                    Body = body is null ? null : Encoding.UTF8.GetBytes(body),
                    ContentType = body is null ? null : "application/json",
                    Authorization = authorization,
                    Expected = [401, 403],
                };
            }
        }
    }

    /// <summary><c>POST /cases</c> by the clerk of the point the application names (so only its content can make it
    /// fail), and by people entitled nowhere near it.</summary>
    public IEnumerable<HostileRequest> Receipts()
    {
        var baseline = Applications.TrafficFine("敌意输入");
        baseline["applicant"]!["address"] = "沈阳市大东区";
        var text = Text(baseline);
        var receipt = new HostileRequest("receipt", HttpMethod.Post, Cases) { Authorization = Bearer(Clerk), MayOpenCase = true };

        foreach (var cut in Distinct(60, () => random.Next(0, text.Length - 1)))
        {
            yield return receipt.WithText(text[..cut]) with { Category = "receipt: truncated JSON", Expected = [400] };
        }

        for (var i = 0; i < 60; i++)
        {
            yield return receipt.WithText(Garble(text)) with { Category = "receipt: garbled JSON" };
        }

        foreach (var bytes in InvalidUtf8(text))
        {
            yield return receipt with { Category = "receipt: invalid UTF-8", Body = bytes, Expected = [400] };
        }

        foreach (var path in Leaves(baseline).Concat(["applicant", "challengedAct"]))
        {
            foreach (var value in Kinds.Where(k => !SameKind(At(baseline, path), k)))
            {
                yield return receipt.WithText(Replace(baseline, path, value)) with { Category = "receipt: wrong type" };
            }
        }

        foreach (var value in Numbers)
        {
            yield return receipt.WithText(Replace(baseline, "challengedAct.amountYuan", value)) with { Category = "receipt: boundary number" };
        }

        foreach (var path in new[] { "challengedAct.actOn", "challengedAct.knownOn", "receivedOn" })
        {
            foreach (var value in Dates)
            {
                yield return receipt.WithText(Replace(baseline, path, value)) with { Category = "receipt: boundary date" };
            }
        }

        var texts = Leaves(baseline).Where(p => At(baseline, p) is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
        foreach (var path in texts)
        {
            foreach (var value in Injections)
            {
                yield return receipt.WithText(Replace(baseline, path, value)) with { Category = "receipt: injection string" };
            }

            foreach (var value in ControlCharacters)
            {
                yield return receipt.WithText(Replace(baseline, path, value)) with { Category = "receipt: control character", Expected = [400] };
            }

            yield return receipt.WithText(Replace(baseline, path, S(new string('长', 10_001)))) with { Category = "receipt: 10,001-character string", Expected = [400] };
            yield return receipt.WithText(Replace(baseline, path, S(new string('x', 10_000)))) with { Category = "receipt: 10,000-character string" };
        }

        foreach (var id in new[] { "I-R210804-GREEN", "I-R210000-ONLINE", "B-R210104", "A-R210104-TRAFFIC", "S-R210000", "R210104", "i-r210104-traffic", "I-R210104-TRAFFIC ", "" })
        {
            yield return receipt.WithText(Replace(baseline, "intakePointId", S(id))) with { Category = "receipt: another organisation as intake point", Expected = [400, 403] };
        }

        foreach (var id in new[] { "B-R210104", "I-R210104-TRAFFIC", "S-R210000", "A-R999999-NONE", "a-r210104-traffic", "A-R210104-TRAFFIC' --" })
        {
            yield return receipt.WithText(Replace(baseline, "respondentAgencyId", S(id))) with { Category = "receipt: another organisation as respondent", Expected = [400] };
        }

        foreach (var request in Oversize(receipt, text, "claims"))
        {
            yield return request with { Category = "receipt: " + request.Category };
        }

        foreach (var request in Nested(receipt, baseline, "claims"))
        {
            yield return request with { Category = "receipt: " + request.Category };
        }

        foreach (var request in ContentTypes(receipt, text))
        {
            yield return request with { Category = "receipt: " + request.Category };
        }

        foreach (var request in NotJsonObjects(receipt, text))
        {
            yield return request with { Category = "receipt: " + request.Category };
        }

        foreach (var stranger in new[] { Actors.Head(Actors.HepingBody), Actors.Supervisor(Actors.YingkouSupervision), Actors.AgencyStaff(Actors.DadongTrafficBrigade), Actors.Applicant("u-mallory"), Actors.Administrator })
        {
            yield return receipt.WithText(text) with { Category = "receipt: by someone not entitled at that point", Authorization = Bearer(stranger), Expected = [403], MayOpenCase = false };
        }

        foreach (var key in new[] { new string('k', 201), "' OR 1=1 --", "../../etc/passwd" })
        {
            yield return receipt.WithText(Replace(baseline, "channel", "\"carrierPigeon\"")) with
            {
                Category = "receipt: hostile Idempotency-Key",
                Headers = [("Idempotency-Key", key)],
                Expected = [400],
                MayOpenCase = false,
            };
        }
    }

    /// <summary><c>POST /cases/{id}/actions</c> on a case just received, by its head, and by people out of scope.</summary>
    public IEnumerable<HostileRequest> Actions()
    {
        var action = new HostileRequest("action", HttpMethod.Post, $"{Cases}/{targets.Owned[0]}/actions") { Authorization = Bearer(Head) };
        var refusedByState = SampleCommands.Where(c => !targets.OfferedOnReceipt.Contains(c.Key)).ToList();
        var offered = SampleCommands.Where(c => targets.OfferedOnReceipt.Contains(c.Key)).ToList();

        foreach (var (name, command) in refusedByState)
        {
            yield return action.WithText(Text(command)) with { Category = "action: not allowed in this state", Expected = [409, 400, 422] };
            var fields = Leaves(command).Where(p => p != "action").ToList();
            foreach (var path in fields.Append("reason"))
            {
                foreach (var value in Kinds.Concat(Injections).Concat(Numbers.Take(8)).Concat(Dates.Take(6)))
                {
                    if (random.Next(4) == 0)
                    {
                        yield return action.WithText(Replace(command, path, value)) with { Category = "action: hostile value, not allowed in this state", Expected = [400, 409, 422] };
                    }
                }
            }

            yield return action.WithText(Garble(Text(command))) with { Category = "action: garbled JSON" };
        }

        foreach (var (name, command) in offered)
        {
            foreach (var value in Injections.Concat(Kinds).Take(12))
            {
                yield return action.WithText(Replace(command, "hostile", value)) with { Category = "action: unknown property", Expected = [400] };
            }

            foreach (var path in Leaves(command).Where(p => p != "action"))
            {
                foreach (var value in Kinds.Where(k => !SameKind(At(command, path), k) && k != "null" || Required(name, path) && k == "null"))
                {
                    yield return action.WithText(Replace(command, path, value)) with { Category = "action: wrong type", Expected = [400] };
                }
            }

            foreach (var value in Injections.Take(6))
            {
                var withReason = Replace(command, "reason", value);
                yield return action.WithText(withReason) with { Category = "action: stale If-Match", Headers = [("If-Match", "\"99\"")], Expected = [412] };
            }

            foreach (var path in Leaves(command).Where(p => At(command, p) is JsonArray))
            {
                // Lists whose every entry is empty, or that are too long: no valid command has them.
                string[] lists =
                [
                    "[null]", "[null,null]", "[\"\",\" \"]", "[\"\\t\\n\"]", "[[]]", "[{}]", "[1]",
                    "[" + string.Join(',', Enumerable.Repeat("\"\"", 51)) + "]", "[" + string.Join(',', Enumerable.Repeat("\"项\"", 1000)) + "]",
                    "[" + S(new string('长', 5_001)) + "]",
                ];
                foreach (var value in lists)
                {
                    yield return action.WithText(Replace(command, path, value)) with { Category = "action: hostile list entries", Expected = [400, 422] };
                }
            }

            var text = Text(command);
            foreach (var cut in Distinct(Math.Min(8, text.Length - 1), () => random.Next(0, text.Length - 1)))
            {
                yield return action.WithText(text[..cut]) with { Category = "action: truncated JSON", Expected = [400] };
            }
        }

        foreach (var body in new[]
        {
            """{"action":"fly"}""", """{"action":"ACCEPT","procedure":"ordinary"}""", """{"action":""}""", """{"action":null}""",
            """{"action":6}""", """{"action":["withdraw"]}""", """{"action":{"name":"withdraw"}}""", """{"action":"withdraw\u0000"}""",
            """{"action":"__proto__"}""", """{"$type":"withdraw"}""", """{"Action":"withdraw","action":"fly"}""", """{"action":"withdraw","action":"fly"}""",
            """{"action":"fly","action":"withdraw","extra":1}""", """{"action":"with\u0064raw","x":1}""", """{"action":"withdraw ","x":1}""",
            """{"action":"receiveApplication"}""", """{"action":"withdraw","afterAgencyCorrected":"no"}""", """{"action":"withdraw"}{}""",
            """[{"action":"withdraw"}]""", "\"withdraw\"", "{\"action\":\"withdraw\",}", "{'action':'withdraw'}", "{\"action\":\"withdraw\" /* c */}",
        })
        {
            yield return action.WithText(body) with { Category = "action: unknown or disguised action", Expected = [400] };
        }

        var close = """{"action":"close"}""";
        foreach (var request in Oversize(action, close, "reason"))
        {
            yield return request with { Category = "action: " + request.Category };
        }

        foreach (var request in Nested(action, JsonNode.Parse(close)!.AsObject(), "reason"))
        {
            yield return request with { Category = "action: " + request.Category };
        }

        foreach (var request in ContentTypes(action, close))
        {
            yield return request with { Category = "action: " + request.Category };
        }

        foreach (var ifMatch in new[] { "garbage", "\"-1\"", "\"99999999999999999999\"", "W/", "\"1\", \"2\"", "*, \"1\"", "\"1", "\u00e9" })
        {
            yield return action.WithText("""{"action":"withdraw","reason":"x"}""") with { Category = "action: hostile If-Match", Headers = [("If-Match", ifMatch)], Expected = [400, 412] };
        }

        foreach (var key in new[] { new string('k', 201), "' OR 1=1 --", "../../etc/passwd", "%00" })
        {
            yield return action.WithText(close) with { Category = "action: hostile Idempotency-Key", Headers = [("Idempotency-Key", key)], Expected = [400, 409] };
        }

        // Other organisations' principals, on the Dadong cases and (for Dadong's own head) on Yingkou's.
        Who[] strangers =
        [
            Actors.Head(Actors.HepingBody), Actors.Officer("B-R210100"), Actors.AgencyStaff(Actors.DadongUrbanManagement),
            Actors.Supervisor(Actors.YingkouSupervision), Actors.Applicant("u-mallory"), Actors.Clerk(Actors.DadongHall),
        ];
        foreach (var caseId in targets.Owned)
        {
            foreach (var stranger in strangers)
            {
                foreach (var command in new[] { """{"action":"withdraw"}""", """{"action":"accept","procedure":"ordinary"}""" })
                {
                    yield return new HostileRequest("action: by another organisation", HttpMethod.Post, $"{Cases}/{caseId}/actions")
                    {
                        Authorization = Bearer(stranger),
                        Body = Encoding.UTF8.GetBytes(command),
                        Expected = [404],
                    };
                }

                foreach (var read in new[] { "", "/history", "/history/verification" })
                {
                    yield return new HostileRequest("read: by another organisation", HttpMethod.Get, $"{Cases}/{caseId}{read}")
                    {
                        Authorization = Bearer(stranger),
                        ContentType = null,
                        Expected = [404],
                    };
                }
            }
        }

        yield return action with
        {
            Category = "action: on another body's case",
            Path = $"{Cases}/{targets.Foreign}/actions",
            Body = Encoding.UTF8.GetBytes("""{"action":"withdraw"}"""),
            Expected = [404],
        };
    }

    /// <summary>Malformed, unknown and hostile case ids on every case endpoint. (A NUL in the path is left out: the
    /// test host cannot even build such a request, and Kestrel refuses it with a 400 before any endpoint.)</summary>
    public IEnumerable<HostileRequest> CaseIds()
    {
        string[] ids =
        [
            "RC-", "RC-0000000000000000", "RC-ffffffffffffffff", "RC-ABCDEF0123456789", "RC-zzzzzzzzzzzzzzzz", "rc-0000000000000000",
            "RC-00000000000000000", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows", "%27%20OR%20%271%27%3D%271",
            "RC-0000000000000000%27--", "%3Cscript%3E", "%E2%80%AE", "%F0%9F%98%80", "null", "-1", "0", new string('9', 5000),
            Uri.EscapeDataString(targets.Owned[0] + "' OR 1=1 --"), targets.Owned[0].ToUpperInvariant(), targets.Owned[0] + "%20",
        ];
        foreach (var id in ids)
        {
            foreach (var suffix in new[] { "", "/history", "/history/verification" })
            {
                yield return new HostileRequest("case id: malformed or unknown", HttpMethod.Get, $"{Cases}/{id}{suffix}")
                {
                    Authorization = Bearer(Head),
                    ContentType = null,
                };
            }

            yield return new HostileRequest("case id: malformed or unknown", HttpMethod.Post, $"{Cases}/{id}/actions")
            {
                Authorization = Bearer(Head),
                Body = Encoding.UTF8.GetBytes("""{"action":"withdraw"}"""),
            };
        }
    }

    /// <summary><c>GET /cases</c> with hostile parameters, by body staff (every row must be their body's) and by an
    /// administrator; a text filter must never widen what matches.</summary>
    public IEnumerable<HostileRequest> Lists()
    {
        var values = Injections.Select(Unquoted).OfType<string>()
            .Concat(["%", "_", "\\", "'", "\"", "*", "敌意", new string('q', 100), new string('q', 101), "a\u0000b", "\u202e"])
            .ToList();
        foreach (var who in new[] { Head, Actors.Administrator })
        {
            foreach (var value in values)
            {
                yield return ListBy(who, "q=" + Uri.EscapeDataString(value)) with { ListText = value };
            }

            foreach (var parameter in new[] { "regionId", "competentBodyId", "receivingBodyId", "respondentAgencyId", "status", "channel", "sort" })
            {
                foreach (var value in values.Take(8).Append("B-R210102").Append("R210800"))
                {
                    yield return ListBy(who, parameter + "=" + Uri.EscapeDataString(value));
                }
            }
        }

        string[] queries =
        [
            "page=0", "page=-1", "page=2147483647", "page=2147483648", "page=1e3", "page=0x10", "page=%20", "page=", "pageSize=0",
            "pageSize=201", "pageSize=-5", "pageSize=200&page=1000000", "dueBefore=0000-00-00", "dueBefore=2026-02-30", "dueBefore=9999-12-31",
            "dueBefore=0001-01-01", "overdue=maybe", "enterpriseRelated=1", "status=received&status=closed", "q=a&q=b", "unknown=1",
            "q", "=", "&&&", "status=", "status=,,,", "sort=nearestDeadline;DROP TABLE cases", "%00=1", "q=%FF", "q=%C0%80",
        ];
        foreach (var query in queries)
        {
            yield return ListBy(Head, query);
        }
    }

    /// <summary>Methods no case route takes.</summary>
    public IEnumerable<HostileRequest> Methods()
    {
        var owned = targets.Owned[0];
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var path in new[] { Cases, $"{Cases}/{owned}", $"{Cases}/{owned}/actions", $"{Cases}/{owned}/history" })
            {
                yield return new HostileRequest("method not allowed", method, path)
                {
                    Authorization = Bearer(Head),
                    Body = Encoding.UTF8.GetBytes("""{"action":"withdraw"}"""),
                    Expected = [405],
                };
            }
        }
    }

    /// <summary>The directory and calendar: changes by anyone but an administrator, and by an administrator only
    /// with bodies that cannot be valid.</summary>
    public IEnumerable<HostileRequest> Directory()
    {
        (string Path, string Body)[] changes =
        [
            ("/api/v1/regions/R210199", """{"name":"攻击区","level":"county","parentId":"R210100"}"""),
            ("/api/v1/organisations/A-HOSTILE", """{"name":"x","kind":"enforcementAgency","regionId":"R210104"}"""),
            ("/api/v1/organisations/B-R210104", """{"name":"x","kind":"enforcementAgency","regionId":"R210104"}"""),
            ("/api/v1/calendar/years/2031", """{"off":[],"makeupWorkdays":[]}"""),
        ];
        foreach (var (path, body) in changes)
        {
            foreach (var who in new[] { Head, Clerk, Actors.ProvinceSupervisor, Actors.AgencyStaff(Actors.DadongTrafficBrigade), Actors.Applicant("u-mallory") })
            {
                yield return new HostileRequest("directory: not an administrator", HttpMethod.Put, path)
                {
                    Authorization = Bearer(who),
                    Body = Encoding.UTF8.GetBytes(body),
                    Expected = [403],
                };
            }

            var administrator = new HostileRequest("directory", HttpMethod.Put, path) { Authorization = Bearer(Actors.Administrator) };
            foreach (var cut in Distinct(4, () => random.Next(0, body.Length - 1)))
            {
                yield return administrator.WithText(body[..cut]) with { Category = "directory: truncated JSON", Expected = [400] };
            }

            var node = JsonNode.Parse(body)!.AsObject();
            foreach (var field in node.Select(p => p.Key).ToList())
            {
                foreach (var value in new[] { "12345", "true", "{}", "\"a\\u0000b\"", S(new string('x', 10_001)) })
                {
                    yield return administrator.WithText(Replace(node, field, value)) with { Category = "directory: wrong value", Expected = [400] };
                }
            }

            yield return administrator.WithText(Replace(node, "hostile", S("' OR 1=1 --"))) with { Category = "directory: unknown property", Expected = [400] };
            foreach (var request in Oversize(administrator, body, field: node.First().Key, atTheLimit: false))
            {
                yield return request with { Category = "directory: " + request.Category };
            }
        }

        foreach (var year in new[] { "0", "-1", "99999", "abc", "2031%2F", "2031.5" })
        {
            yield return new HostileRequest("calendar: hostile year", HttpMethod.Put, "/api/v1/calendar/years/" + year)
            {
                Authorization = Bearer(Actors.Administrator),
                Body = Encoding.UTF8.GetBytes("""{"off":[{"date":"2031-02-30","name":"x"}],"makeupWorkdays":[]}"""),
                Expected = [400],
            };
        }

        foreach (var body in new[] { """{"off":[null],"makeupWorkdays":[]}""", """{"off":[],"makeupWorkdays":[null,{"date":"2031-01-04","name":"x"}]}""" })
        {
            yield return new HostileRequest("calendar: null day", HttpMethod.Put, "/api/v1/calendar/years/2031")
            {
                Authorization = Bearer(Actors.Administrator),
                Body = Encoding.UTF8.GetBytes(body),
                Expected = [400],
            };
        }

        foreach (var id in new[] { "'%20OR%201=1%20--", "..%2F..%2F", "%E2%80%AE", new string('A', 3000) })
        {
            yield return new HostileRequest("directory: hostile id read", HttpMethod.Get, "/api/v1/organisations/" + id)
            {
                Authorization = Bearer(Head),
                ContentType = null,
                Expected = [404],
            };
        }

        foreach (var kind in new[] { "court", "'%20OR%201=1", "IntakePoint", "%00" })
        {
            yield return new HostileRequest("directory: hostile kind", HttpMethod.Get, "/api/v1/organisations?kind=" + kind)
            {
                Authorization = Bearer(Head),
                ContentType = null,
                Expected = [400],
            };
        }
    }

    /// <summary>The deadline calculator with dates and lengths at and past their limits.</summary>
    public IEnumerable<HostileRequest> Deadlines()
    {
        string[] queries =
        [
            "from=0000-00-00&days=5&unit=workingDays", "from=2026-02-30&days=5&unit=workingDays", "from=9999-12-31&days=1&unit=naturalDays",
            "from=9999-12-31&days=1&unit=workingDays", "from=9999-12-01&days=3650&unit=workingDays", "from=0001-01-01&days=3650&unit=workingDays",
            "from=2026-01-05&days=-1&unit=workingDays", "from=2026-01-05&days=2147483647&unit=workingDays", "from=2026-01-05&days=99999999999&unit=naturalDays",
            "from=2026-01-05&days=5&unit=hours", "from=2026-01-05&days=5", "days=5&unit=workingDays", "from=2026-01-05&days=3651&unit=naturalDays",
            "from=2026-01-05&days=1e3&unit=naturalDays", "from=' OR 1=1 --&days=5&unit=workingDays",
        ];
        foreach (var query in queries)
        {
            yield return new HostileRequest("calendar: hostile deadline query", HttpMethod.Get, "/api/v1/calendar/deadline?" + query)
            {
                Authorization = Bearer(Head),
                ContentType = null,
                Expected = [200, 400],
            };
        }
    }

    /// <summary>A valid command of every action, to mutate.</summary>
    private static IReadOnlyDictionary<string, JsonObject> SampleCommands { get; } = new Dictionary<string, string>
    {
        ["resolveBeforeFiling"] = """{"action":"resolveBeforeFiling","summary":"交警撤销罚款"}""",
        ["requestCorrection"] = """{"action":"requestCorrection","missingItems":["身份证复印件"]}""",
        ["submitCorrection"] = """{"action":"submitCorrection"}""",
        ["declareAbandoned"] = """{"action":"declareAbandoned"}""",
        ["notAccept"] = """{"action":"notAccept","ground":"notReviewable","reasons":"不属于行政复议范围"}""",
        ["accept"] = """{"action":"accept","procedure":"ordinary","isMajor":false}""",
        ["deemAccepted"] = """{"action":"deemAccepted"}""",
        ["switchToOrdinary"] = """{"action":"switchToOrdinary","approvedBy":"head-zhao"}""",
        ["sendCopyToRespondent"] = """{"action":"sendCopyToRespondent","receivedByRespondentOn":"2026-01-05"}""",
        ["recordReply"] = """{"action":"recordReply","receivedOn":"2026-01-05"}""",
        ["recordNoReply"] = """{"action":"recordNoReply"}""",
        ["scheduleHearing"] = """{"action":"scheduleHearing","hearingOn":"2026-03-02"}""",
        ["sendHearingNotice"] = """{"action":"sendHearingNotice"}""",
        ["holdHearing"] = """{"action":"holdHearing","summary":"双方到场"}""",
        ["requestCommitteeConsultation"] = """{"action":"requestCommitteeConsultation"}""",
        ["recordCommitteeOpinion"] = """{"action":"recordCommitteeOpinion","opinion":"建议撤销"}""",
        ["startMediation"] = """{"action":"startMediation"}""",
        ["recordMediationAgreement"] = """{"action":"recordMediationAgreement","terms":"双方同意"}""",
        ["recordMediationFailure"] = """{"action":"recordMediationFailure"}""",
        ["settle"] = """{"action":"settle","terms":"和解"}""",
        ["suspend"] = """{"action":"suspend","ground":"applicantDied"}""",
        ["resume"] = """{"action":"resume"}""",
        ["extend"] = """{"action":"extend","days":30,"approvedBy":"head-zhao"}""",
        ["withdraw"] = """{"action":"withdraw","afterAgencyCorrected":false}""",
        ["terminate"] = """{"action":"terminate","ground":"applicantDiedNoHeir"}""",
        ["decide"] = """{"action":"decide","type":"annul","findings":["procedure"],"legalBasis":"第六十四条","summary":"撤销","approvedBy":"head-zhao","orderNewAct":true}""",
        ["close"] = """{"action":"close"}""",
        ["recordPostDecisionQa"] = """{"action":"recordPostDecisionQa","summary":"答疑"}""",
    }.ToDictionary(c => c.Key, c => JsonNode.Parse(c.Value)!.AsObject());

    /// <summary>Fields of the sample commands that are required (a null there cannot be valid).</summary>
    private static bool Required(string action, string path) => (action, path) switch
    {
        ("resolveBeforeFiling", "summary") or ("requestCorrection", "missingItems") or ("notAccept", "ground") or ("notAccept", "reasons")
            or ("accept", "procedure") => true,
        _ => false,
    };

    private HostileRequest ListBy(Who who, string query) =>
        new("list: hostile query", HttpMethod.Get, Cases + "?" + query)
        {
            Authorization = Bearer(who),
            ContentType = null,
            Expected = [200, 400],
            ListBody = who.Role == Domain.Access.Role.BodyHead ? who.OrganisationId : null,
        };

    /// <summary>Bodies over the 256 KiB limit (413), and, unless <paramref name="atTheLimit"/> is false, one of exactly
    /// 256 KiB, which is within it and answered for what it says.</summary>
    private static IEnumerable<HostileRequest> Oversize(HostileRequest template, string json, string field, bool atTheLimit = true)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var overhead = Encoding.UTF8.GetByteCount(json);
        yield return template.WithText(Replace(node, field, S(new string('x', 300 * 1024)))) with { Category = "300 KiB string", Expected = [413] };
        yield return template.WithText(json + new string(' ', 300 * 1024)) with { Category = "300 KiB of trailing white space", Expected = [413] };
        yield return template.WithText(new string(' ', (256 * 1024) + 1 - overhead) + json) with { Category = "one byte over 256 KiB", Expected = [413] };
        yield return template.WithText("[" + string.Join(',', Enumerable.Repeat("1", 200_000)) + "]") with { Category = "400 KB array", Expected = [413] };
        yield return template with { Category = "5 MB body", Body = new byte[5 * 1024 * 1024], Expected = [413] };
        yield return template.WithText(json + new string(' ', 300 * 1024)) with { Category = "300 KiB chunked", Chunked = true, Expected = [413] };
        if (atTheLimit)
        {
            yield return template.WithText(new string(' ', (256 * 1024) - overhead) + json) with { Category = "exactly 256 KiB" };
        }
    }

    private static IEnumerable<HostileRequest> Nested(HostileRequest template, JsonObject baseline, string field)
    {
        foreach (var depth in new[] { 33, 64, 65, 100, 1000, 100_000 })
        {
            yield return template.WithText(Replace(baseline, field, new string('[', depth) + new string(']', depth))) with { Category = $"nested {depth} arrays deep", Expected = [400] };
        }

        var objects = string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);
        yield return template.WithText(Replace(baseline, field, objects)) with { Category = "nested 5000 objects deep", Expected = [400] };
        yield return template.WithText(new string('[', 50_000)) with { Category = "50,000 unclosed arrays", Expected = [400] };
    }

    private static IEnumerable<HostileRequest> ContentTypes(HostileRequest template, string json)
    {
        foreach (var type in new[]
        {
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "application/json; charset=utf-16", "application/jsonp", "APPLICATION/JSON", "application/problem+json", "application/json-patch+json", "*/*",
        })
        {
            yield return template.WithText(json) with { Category = "content type " + type, ContentType = type };
        }

        yield return template.WithText(json) with { Category = "no content type", ContentType = null };
        yield return template with { Category = "UTF-16 body", Body = Encoding.Unicode.GetBytes(json) };
    }

    private static IEnumerable<HostileRequest> NotJsonObjects(HostileRequest template, string json)
    {
        string[] bodies =
        [
            "", " ", "null", "true", "42", "\"text\"", "[]", "[" + json + "]", "{}", json + json, json + ",", "\uFEFF" + json,
            json.Replace("\"claims\"", "/* c */\"claims\"", StringComparison.Ordinal), json.TrimEnd('}') + ",}", json.Replace('"', '\''),
            json.Replace("200", "NaN", StringComparison.Ordinal), json.Replace("200", "Infinity", StringComparison.Ordinal),
            json.Replace("\"claims\":\"", "\"claims\":\"raw\u0001control", StringComparison.Ordinal),
            json.Replace("\"claims\":\"", "\"claims\":\"bad escape \\q", StringComparison.Ordinal),
        ];
        foreach (var body in bodies)
        {
            yield return template.WithText(body) with { Category = "not one JSON object" };
        }

        string[] duplicates =
        [
            json.Replace("\"applicant\":", "\"applicant\":{\"kind\":\"person\",\"name\":\"重复\"},\"applicant\":", StringComparison.Ordinal),
            json.Replace("\"claims\":", "\"claims\":\"先\",\"claims\":", StringComparison.Ordinal),
            json.Replace("\"name\":", "\"name\":\"先\",\"name\":", StringComparison.Ordinal),
        ];
        foreach (var body in duplicates.Where(d => d != json))
        {
            yield return template.WithText(body) with { Category = "a property given twice", Expected = [400] };
        }
    }

    private static IEnumerable<byte[]> InvalidUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf("撤销该罚款决定", StringComparison.Ordinal);
        var offset = Encoding.UTF8.GetByteCount(json[..at]);
        foreach (var bad in new byte[][] { [0xFF], [0xC0, 0x80], [0x80], [0xE6, 0x95], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80] })
        {
            yield return [.. bytes[..offset], .. bad, .. bytes[offset..]];
        }

        yield return [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(json)];
    }

    private string Garble(string text)
    {
        string[] pool = ["{", "}", "[", "]", ":", ",", "\"", "\\", "\u0000", " ", "x", "0", "-", "é", "\u202e", "\n", "'", "null"];
        var builder = new StringBuilder(text);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var position = random.Next(builder.Length);
            builder.Remove(position, 1).Insert(position, pool[random.Next(pool.Length)]);
        }

        return builder.ToString();
    }

    private IEnumerable<int> Distinct(int count, Func<int> next)
    {
        var seen = new SortedSet<int>();
        for (var attempts = 0; seen.Count < count && attempts < count * 20; attempts++)
        {
            seen.Add(next());
        }

        return seen;
    }

    private static string Bearer(Who who) => "Bearer " + TestKeys.TokenFor(who);

    /// <summary>A string as a JSON literal, non-ASCII kept as is.</summary>
    private static string S(string value) => JsonSerializer.Serialize(value, Literal);

    /// <summary>The dotted paths of every leaf (non-object value) of <paramref name="node"/>.</summary>
    private static IEnumerable<string> Leaves(JsonObject node, string prefix = "")
    {
        foreach (var (name, value) in node)
        {
            var path = prefix + name;
            if (value is JsonObject inner)
            {
                foreach (var leaf in Leaves(inner, path + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static JsonNode? At(JsonObject node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return current;
    }

    /// <summary>Whether the raw literal <paramref name="value"/> is of the same JSON kind as <paramref name="current"/>.</summary>
    private static bool SameKind(JsonNode? current, string value)
    {
        var kind = JsonDocument.Parse(value).RootElement.ValueKind;
        var currentKind = current?.GetValueKind() ?? JsonValueKind.Null;
        return kind == currentKind || (kind is JsonValueKind.True or JsonValueKind.False && currentKind is JsonValueKind.True or JsonValueKind.False);
    }

    /// <summary>The JSON text of <paramref name="node"/> with the value at <paramref name="path"/> (created if missing)
    /// replaced by the raw JSON text <paramref name="rawValue"/>, written verbatim.</summary>
    private static string Replace(JsonObject node, string path, string rawValue)
    {
        var copy = (JsonObject)node.DeepClone();
        var parts = path.Split('.');
        var parent = copy;
        foreach (var part in parts[..^1])
        {
            parent = (JsonObject)parent[part]!;
        }

        parent[parts[^1]] = Placeholder;
        return Text(copy).Replace(S(Placeholder), rawValue, StringComparison.Ordinal);
    }

    /// <summary>The text of a JSON string literal; null for one no .NET string can hold (a lone surrogate).</summary>
    private static string? Unquoted(string literal)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(literal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON text of <paramref name="node"/>, Chinese as it is rather than escaped.</summary>
    private static string Text(JsonObject node) => node.ToJsonString(Literal);
}
