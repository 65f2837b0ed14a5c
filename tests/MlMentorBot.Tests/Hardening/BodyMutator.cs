using System.Text;
using System.Text.Json.Nodes;

namespace MlMentorBot.Tests.Hardening;

/// <summary>One fuzzed request body: the bytes, the Content-Type header to send (null: none) and what was done to it.</summary>
internal sealed record FuzzCase(byte[] Body, string? ContentType, string Mutations);

/// <summary>
/// Seeded mutations of real payload fixtures, the kinds issue 13 lists: truncation, byte flips, invalid UTF-8, lone surrogates,
/// deep nesting, wrong types, huge strings, duplicate keys, odd <c>response_url</c>s and tokens, and the wrong Content-Type.
/// Structural mutations work on the JSON (or form) tree so they land inside otherwise valid payloads, where handlers actually
/// read them; byte-level ones follow. The same seed gives the same cases, so a failure can be replayed.
/// </summary>
internal sealed class BodyMutator(Random random)
{
    /// <summary>Values a URL- or token-shaped field may hold: other hosts, other schemes, traversal, control bytes, nothing.</summary>
    private static readonly string[] Shapes =
    [
        "", " ", "http://169.254.169.254/latest/meta-data/", "https://evil.example/hook", "file:///etc/passwd", "ftp://slack.com/x",
        "https://hooks.slack.com/../../admin", "https://hooks.slack.com.evil.example/x", "https://user:pass@hooks.slack.com/x",
        "http://127.0.0.1:1/", "http://[::1]:9/", "//hooks.slack.com/x", "not a url", "../../../../etc/passwd", "a/b?c=d#e",
        "%2F%2E%2E%2F", "\u0000\u0001", "\r\nHost: evil.example", "https://hooks.slack.com/commands/" + new string('a', 5000),
        "https://hooks.slack.com/commands/ü/ß", "javascript:alert(1)", "xoxb-123-456-abc", "@everyone", "<@U0BOB0001>",
    ];

    private static readonly string[] ShapedKeys =
        ["response_url", "token", "trigger_id", "custom_id", "value", "private_metadata", "command", "text", "id", "application_id", "name", "callback_id", "action_id"];

    private static readonly byte[][] InvalidUtf8 =
        [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x80]];

    private static readonly string?[] ContentTypes =
        [null, "text/plain", "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "???", "application/xml"];

    /// <summary>A mutated JSON document, sent as <paramref name="contentType"/> unless the mutation changes it.</summary>
    public FuzzCase Json(string json, string contentType)
    {
        var log = new List<string>();
        var text = MutateJsonText(json, log);
        var bytes = MutateBytes(Encoding.UTF8.GetBytes(text), log);
        return new FuzzCase(bytes, PickContentType(contentType, log), string.Join(", ", log));
    }

    /// <summary>A mutated form body (<c>a=b&amp;c=d</c>), its fields changed before it is encoded.</summary>
    public FuzzCase Form(IReadOnlyList<KeyValuePair<string, string>> fields, string contentType = "application/x-www-form-urlencoded")
    {
        var log = new List<string>();
        var pairs = fields.Select(p => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value))).ToList();
        var edits = random.Next(0, 3);
        for (var i = 0; i < edits && pairs.Count > 0; i++)
        {
            var at = random.Next(pairs.Count);
            switch (random.Next(7))
            {
                case 0:
                    log.Add($"form: shape in {pairs[at].Key}");
                    pairs[at] = (pairs[at].Key, Uri.EscapeDataString(Pick(Shapes)));
                    break;
                case 1:
                    log.Add($"form: dropped {pairs[at].Key}");
                    pairs.RemoveAt(at);
                    break;
                case 2:
                    log.Add($"form: duplicate {pairs[at].Key}");
                    pairs.Insert(random.Next(pairs.Count + 1), (pairs[at].Key, Uri.EscapeDataString(Pick(Shapes))));
                    break;
                case 3:
                    log.Add($"form: huge {pairs[at].Key}");
                    pairs[at] = (pairs[at].Key, new string('x', HugeLength()));
                    break;
                case 4:
                    log.Add($"form: percent-encoded invalid UTF-8 in {pairs[at].Key}");
                    pairs[at] = (pairs[at].Key, pairs[at].Value + Pick(["%FF", "%ED%A0%80", "%C3%28", "%", "%G1", "%00"]));
                    break;
                case 5:
                    log.Add("form: stray separators");
                    pairs.Insert(at, (Pick(["", "=", "&", "payload", "command"]), Pick(["", "=", "&&", "%"])));
                    break;
                default:
                    log.Add($"form: empty {pairs[at].Key}");
                    pairs[at] = (pairs[at].Key, "");
                    break;
            }
        }

        var text = string.Join("&", pairs.Select(p => p.Key + "=" + p.Value));
        var bytes = MutateBytes(Encoding.UTF8.GetBytes(text), log);
        return new FuzzCase(bytes, PickContentType(contentType, log), string.Join(", ", log));
    }

    /// <summary>An interactivity body: <c>payload=</c> + the mutated JSON, or, now and then, the bare JSON or a broken form.</summary>
    public FuzzCase Payload(string json)
    {
        var log = new List<string>();
        var text = MutateJsonText(json, log);
        byte[] body;
        switch (random.Next(10))
        {
            case 0:
                log.Add("bare JSON, no form");
                body = Encoding.UTF8.GetBytes(text);
                break;
            case 1:
                log.Add("payload twice");
                body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(text) + "&payload=" + Uri.EscapeDataString(text));
                break;
            case 2:
                log.Add("payload not percent-encoded");
                body = Encoding.UTF8.GetBytes("payload=" + text);
                break;
            default:
                body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(text));
                break;
        }

        body = MutateBytes(body, log);
        return new FuzzCase(body, PickContentType("application/x-www-form-urlencoded", log), string.Join(", ", log));
    }

    private string MutateJsonText(string json, List<string> log)
    {
        var root = JsonNode.Parse(json)!;
        var replacements = new List<(string Placeholder, string Text)>();
        var edits = random.Next(0, 4);
        for (var i = 0; i < edits; i++)
        {
            var nodes = Walk(root).ToList();
            var (parent, key, node) = nodes[random.Next(nodes.Count)];
            var kind = random.Next(8);
            if (parent is null && kind is not (3 or 4))
            {
                continue;
            }

            var placeholder = $"@@{i}@@";
            switch (kind)
            {
                case 0:
                    log.Add($"wrong type at {key}");
                    Set(parent!, key, JsonNode.Parse(Pick(["0", "-1", "1e308", "18446744073709551616", "1.5", "true", "null", "[]", "{}", "\"\"", "\"x\"", "[1,\"a\",null]", "{\"id\":1}"])));
                    break;
                case 1:
                    log.Add($"huge string at {key}");
                    Set(parent!, key, JsonValue.Create(new string('y', HugeLength())));
                    break;
                case 2:
                    log.Add($"lone surrogate at {key}");
                    Set(parent!, key, JsonValue.Create(placeholder));
                    replacements.Add(($"\"{placeholder}\"", Pick(["\"\\ud800\"", "\"a\\udfffb\"", "\"\\ud83d\"", "\"\\u0000\""])));
                    break;
                case 3 or 4:
                    {
                        var depth = Pick([20, 63, 64, 65, 200, 1000, 5000]);
                        log.Add($"nesting {depth} deep at {key ?? "root"}");
                        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                        var close = open == "[" ? "]" : "}";
                        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
                        if (parent is null)
                        {
                            return nested;
                        }

                        Set(parent, key, JsonValue.Create(placeholder));
                        replacements.Add(($"\"{placeholder}\"", nested));
                        break;
                    }

                case 5:
                    {
                        if (node is not JsonObject target || target.Count == 0)
                        {
                            break;
                        }

                        var existing = target.ElementAt(random.Next(target.Count)).Key;
                        log.Add($"duplicate key {existing}");
                        target[placeholder] = null;
                        replacements.Add(($"\"{placeholder}\":null", $"\"{existing}\":{Pick(["5", "\"x\"", "null", "{}", "[]", "\"/kb reload\""])}"));
                        break;
                    }

                case 6:
                    log.Add($"removed {key}");
                    Remove(parent!, key);
                    break;
                default:
                    {
                        var shaped = nodes.Where(n => n.Key is not null && ShapedKeys.Contains(n.Key)).ToList();
                        if (shaped.Count == 0)
                        {
                            break;
                        }

                        var (p, k, _) = shaped[random.Next(shaped.Count)];
                        log.Add($"shape in {k}");
                        Set(p!, k, JsonValue.Create(Pick(Shapes)));
                        break;
                    }
            }
        }

        var text = root.ToJsonString();
        foreach (var (placeholder, replacement) in replacements)
        {
            text = text.Replace(placeholder, replacement, StringComparison.Ordinal);
        }

        return text;
    }

    private byte[] MutateBytes(byte[] body, List<string> log)
    {
        var edits = random.Next(0, 3);
        for (var i = 0; i < edits && body.Length > 0; i++)
        {
            switch (random.Next(3))
            {
                case 0:
                    {
                        var length = random.Next(body.Length);
                        log.Add($"truncated to {length}");
                        body = body[..length];
                        break;
                    }

                case 1:
                    {
                        var flips = random.Next(1, 9);
                        log.Add($"{flips} byte flips");
                        body = [.. body];
                        for (var f = 0; f < flips; f++)
                        {
                            body[random.Next(body.Length)] ^= (byte)(1 << random.Next(8));
                        }

                        break;
                    }

                default:
                    {
                        var at = random.Next(body.Length + 1);
                        var bad = Pick(InvalidUtf8);
                        log.Add($"invalid UTF-8 {Convert.ToHexString(bad)} at {at}");
                        body = [.. body.AsSpan(0, at), .. bad, .. body.AsSpan(at)];
                        break;
                    }
            }
        }

        return body;
    }

    private string? PickContentType(string proper, List<string> log)
    {
        if (random.Next(5) != 0)
        {
            return proper;
        }

        var type = Pick(ContentTypes);
        log.Add($"Content-Type {type ?? "none"}");
        return type;
    }

    /// <summary>Mostly sizes a platform allows, sometimes past Slack's 4,000 characters, Discord's 6,000 or the 256 KiB body cap.</summary>
    private int HugeLength() => Pick([3001, 4001, 6001, 40_000, 70_000, 300_000]);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static IEnumerable<(JsonNode? Parent, string? Key, JsonNode? Node)> Walk(JsonNode root)
    {
        yield return (null, null, root);
        foreach (var item in Children(root))
        {
            yield return item;
        }

        static IEnumerable<(JsonNode? Parent, string? Key, JsonNode? Node)> Children(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj.ToList())
                    {
                        yield return (obj, name, child);
                        if (child is not null)
                        {
                            foreach (var item in Children(child))
                            {
                                yield return item;
                            }
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        yield return (array, i.ToString(System.Globalization.CultureInfo.InvariantCulture), array[i]);
                        if (array[i] is { } child)
                        {
                            foreach (var item in Children(child))
                            {
                                yield return item;
                            }
                        }
                    }

                    break;
            }
        }
    }

    private static void Set(JsonNode parent, string? key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else if (parent is JsonArray array)
        {
            array[int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
    }

    private static void Remove(JsonNode parent, string? key)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove(key!);
        }
        else if (parent is JsonArray array)
        {
            array.RemoveAt(int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
