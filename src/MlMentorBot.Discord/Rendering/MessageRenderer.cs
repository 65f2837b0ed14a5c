using System.Text;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Discord.Rendering;

/// <summary>
/// Turns a <see cref="BotReply"/> into a Discord message: embeds (title, description, fields, sources footer, colour by tone),
/// buttons for suggested actions, and <c>allowed_mentions</c> that ping nobody unless the reply is aimed at one member.
/// Every embed limit is respected by splitting or truncating with a visible "…" so Discord never rejects the message.
/// Limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
/// </summary>
internal sealed class MessageRenderer(CustomIdCodec customIds)
{
    internal const int TitleLimit = 256;
    internal const int DescriptionLimit = 4096;
    internal const int FieldsPerEmbed = 25;
    internal const int FieldNameLimit = 256;
    internal const int FieldValueLimit = 1024;
    internal const int FooterLimit = 2048;
    internal const int TotalLimit = 6000;
    internal const int EmbedsPerMessage = 10;
    private const int ButtonsPerRow = 5;
    private const int RowsPerMessage = 5;
    private const int ButtonLabelLimit = 80;
    private const int ModalTitleLimit = 45;
    private const int ModalFieldLimit = 5;
    private const string Ellipsis = "…";

    /// <summary>
    /// Stores the command lines behind the reply's hashed component ids (<see cref="CustomIdCodec.KeepAsync"/>), then renders
    /// it: for messages about to be sent, so their buttons still work after a restart.
    /// </summary>
    public async Task<MessagePayload> RenderAsync(BotReply reply, bool allowEphemeral, CancellationToken cancellationToken)
    {
        await customIds.KeepAsync(reply, cancellationToken);
        return Render(reply, allowEphemeral);
    }

    /// <summary>Renders a reply. <paramref name="allowEphemeral"/> is false for channel posts, where the flag is not allowed.</summary>
    public MessagePayload Render(BotReply reply, bool allowEphemeral = true)
    {
        var aimedAt = reply.AimedAtUserId is { } id && ulong.TryParse(id, out var userId) ? userId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new MessagePayload
        {
            Content = aimedAt is null ? null : $"<@{aimedAt}>",
            Embeds = RenderEmbeds(reply),
            Components = RenderButtons(reply.Actions),
            AllowedMentions = aimedAt is null ? AllowedMentions.None : new AllowedMentions([], [aimedAt]),
            Flags = allowEphemeral && reply.IsPrivate && aimedAt is null ? (int)MessageFlags.Ephemeral : null,
        };
    }

    /// <summary>Renders a form as a modal of Label-wrapped text inputs (the current shape; https://discord.com/developers/docs/components/reference#label).</summary>
    public ModalPayload RenderModal(ModalForm form) => new(
        customIds.EncodeModal(form.CommandLine),
        Truncate(form.Title, ModalTitleLimit),
        form.Fields.Take(ModalFieldLimit).Select(f => new Component(18)
        {
            Label = Truncate(f.Label, ModalTitleLimit),
            Child = new Component(4)
            {
                CustomId = Truncate(f.Name, CustomIdCodec.MaxLength),
                Style = f.IsMultiline ? 2 : 1,
                Required = f.IsRequired,
                Value = f.Value is null ? null : Truncate(f.Value, 4000),
                Placeholder = f.Placeholder is null ? null : Truncate(f.Placeholder, 100),
                MaxLength = Math.Clamp(f.MaxLength, 1, 4000),
            },
        }).ToList());

    private static List<Embed> RenderEmbeds(BotReply reply)
    {
        // A little slack so the "…" added when the embed count runs out cannot push the total over.
        var budget = new Budget(TotalLimit - 8);
        var color = reply.Tone switch
        {
            ReplyTone.Success => 0x57F287,
            ReplyTone.Warning => 0xFEE75C,
            ReplyTone.Error => 0xED4245,
            _ => 0x5865F2,
        };

        var title = budget.Take(Truncate(DiscordMarkdown.Escape(reply.Title), TitleLimit));
        var chunks = SplitDescription(JoinSections(reply.Sections));
        var embeds = new List<Embed>();
        foreach (var chunk in chunks)
        {
            if (embeds.Count == EmbedsPerMessage || budget.IsExhausted)
            {
                MarkTruncated(embeds);
                break;
            }

            embeds.Add(new Embed { Title = embeds.Count == 0 ? title : null, Description = budget.Take(chunk), Color = color });
        }

        if (embeds.Count == 0)
        {
            embeds.Add(new Embed { Title = title, Color = color });
        }

        AddFields(embeds, reply.Fields, budget, color);
        if (reply.Sources.Count > 0 && !budget.IsExhausted)
        {
            var footer = Truncate("Sources: " + string.Join(" · ", reply.Sources), FooterLimit);
            embeds[^1] = embeds[^1] with { Footer = new EmbedFooter(budget.Take(footer)) };
        }

        return embeds;
    }

    private static void AddFields(List<Embed> embeds, IReadOnlyList<ReplyField> fields, Budget budget, int color)
    {
        var pending = new List<EmbedField>();
        foreach (var field in fields)
        {
            if (budget.IsExhausted)
            {
                break;
            }

            var name = budget.Take(Truncate(DiscordMarkdown.Escape(field.Name), FieldNameLimit));
            var value = budget.IsExhausted ? Ellipsis : budget.Take(Truncate(field.Value, FieldValueLimit));
            pending.Add(new EmbedField(NonBlank(name), NonBlank(value), field.IsInline));
        }

        for (var start = 0; start < pending.Count; start += FieldsPerEmbed)
        {
            var batch = pending.Skip(start).Take(FieldsPerEmbed).ToList();
            if (start == 0)
            {
                embeds[^1] = embeds[^1] with { Fields = batch };
            }
            else if (embeds.Count < EmbedsPerMessage)
            {
                embeds.Add(new Embed { Fields = batch, Color = color });
            }
            else
            {
                MarkTruncated(embeds);
                break;
            }
        }
    }

    private List<Component>? RenderButtons(IReadOnlyList<SuggestedAction> actions)
    {
        if (actions.Count == 0)
        {
            return null;
        }

        // custom_id must be unique within a message, so one button per distinct command line.
        var buttons = actions
            .DistinctBy(a => a.CommandLine, StringComparer.Ordinal)
            .Take(ButtonsPerRow * RowsPerMessage)
            .Select(a => new Component(2)
            {
                Style = a.Style switch { ActionStyle.Primary => 1, ActionStyle.Danger => 4, _ => 2 },
                Label = Truncate(a.Label, ButtonLabelLimit),
                CustomId = customIds.EncodeButton(a.CommandLine),
            })
            .ToList();
        return buttons
            .Chunk(ButtonsPerRow)
            .Select(row => new Component(1) { Components = row.ToList() })
            .ToList();
    }

    private static string JoinSections(IReadOnlyList<ReplySection> sections)
    {
        var sb = new StringBuilder();
        foreach (var section in sections)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            if (!string.IsNullOrWhiteSpace(section.Heading))
            {
                sb.Append("**").Append(DiscordMarkdown.Escape(section.Heading)).Append("**\n");
            }

            sb.Append(section.Markdown.Trim());
        }

        return sb.ToString();
    }

    /// <summary>Splits text into pieces of at most 4096 characters, preferring paragraph, then line, then word boundaries.</summary>
    internal static List<string> SplitDescription(string text)
    {
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > DescriptionLimit)
        {
            var window = rest[..DescriptionLimit];
            var cut = window.LastIndexOf("\n\n", StringComparison.Ordinal);
            if (cut < DescriptionLimit / 2)
            {
                cut = window.LastIndexOf('\n');
            }

            if (cut < DescriptionLimit / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < DescriptionLimit / 2)
            {
                cut = DescriptionLimit;
            }

            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    private static void MarkTruncated(List<Embed> embeds)
    {
        var last = embeds[^1];
        if (last.Description is { } d && !d.EndsWith(Ellipsis, StringComparison.Ordinal))
        {
            embeds[^1] = last with { Description = d.Length >= DescriptionLimit ? d[..(DescriptionLimit - 1)] + Ellipsis : d + Ellipsis };
        }
    }

    internal static string Truncate(string text, int limit) =>
        text.Length <= limit ? text : text[..(limit - 1)].TrimEnd() + Ellipsis;

    private static string NonBlank(string text) => string.IsNullOrWhiteSpace(text) ? "\u200b" : text;

    /// <summary>Counts characters against the 6000-character total shared by all embeds of a message.</summary>
    private sealed class Budget(int total)
    {
        private int _left = total;

        public bool IsExhausted => _left <= 1;

        public string Take(string text)
        {
            var counted = text.Trim().Length;
            if (counted <= _left)
            {
                _left -= counted;
                return text;
            }

            var kept = _left <= 1 ? Ellipsis : text.Trim()[..(_left - 1)] + Ellipsis;
            _left = 0;
            return kept;
        }
    }
}
