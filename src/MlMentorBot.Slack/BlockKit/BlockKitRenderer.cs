using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Slack.BlockKit;

/// <summary>
/// Renders the core's <see cref="BotReply"/> as Block Kit, enforcing every limit Slack would otherwise reject the whole message
/// for (https://docs.slack.dev/reference/block-kit/blocks; table in shared/reference/slack-api.md §f): long text is split across
/// sections, and what still does not fit is truncated with a visible "…". All reply text is escaped (<see cref="Mrkdwn"/>), so the
/// only mention that can appear is the <c>&lt;@U…&gt;</c> this class writes for <see cref="BotReply.AimedAtUserId"/>.
/// </summary>
internal static partial class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxHeaderText = 150;
    public const int MaxContextElements = 10;
    public const int MaxActionsElements = 25;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionId = 255;
    public const int MaxFallbackText = 4000;
    public const int MaxModalTitle = 24;
    public const int MaxModalBlocks = 100;
    public const int MaxInputLabel = 2000;
    public const int MaxPlaceholder = 150;
    public const int MaxInputLength = 3000;
    public const int MaxPrivateMetadata = 3000;

    /// <summary>Prefix of every button's <c>action_id</c>; a <c>block_actions</c> payload is ours when it starts with this.</summary>
    public const string ActionIdPrefix = "mlmb.run.";

    /// <summary>The <c>callback_id</c> of every modal this adapter opens.</summary>
    public const string ModalCallbackId = "mlmb.form";

    private const string Ellipsis = "…";
    private const string CutNotice = "_… the rest did not fit in one Slack message._";

    public static SlackMessage Render(BotReply reply)
    {
        var head = new List<Block>
        {
            new HeaderBlock(TextObject.Plain(Truncate(TonePrefix(reply.Tone) + reply.Title, MaxHeaderText))),
        };
        var mention = MentionOf(reply.AimedAtUserId);
        if (mention is not null)
        {
            head.Add(new SectionBlock(TextObject.Markdown($"{mention}, this one is for you:")));
        }

        var body = new List<Block>();
        foreach (var section in reply.Sections)
        {
            var text = Mrkdwn.FromMarkdown(section.Markdown);
            if (section.Heading is { Length: > 0 } heading)
            {
                text = $"*{Mrkdwn.Literal(heading.Replace("*", "", StringComparison.Ordinal))}*\n{text}";
            }

            foreach (var chunk in SplitText(text, MaxSectionText))
            {
                body.Add(new SectionBlock(TextObject.Markdown(chunk)));
            }
        }

        foreach (var group in reply.Fields.Chunk(MaxFields))
        {
            body.Add(new SectionBlock(Fields: group
                .Select(f => TextObject.Markdown(TruncateMrkdwn($"*{Mrkdwn.Literal(f.Name.Replace("*", "", StringComparison.Ordinal))}*\n{Mrkdwn.FromMarkdown(f.Value)}", MaxFieldText)))
                .ToList()));
        }

        var tail = new List<Block>();
        foreach (var group in reply.Sources.Chunk(MaxContextElements))
        {
            tail.Add(new ContextBlock(group
                .Select(s => TextObject.Markdown(TruncateMrkdwn(":books: " + Mrkdwn.Escape(s.ToString()), MaxSectionText)))
                .ToList()));
        }

        var buttons = new List<ButtonElement>();
        var untypable = new List<string>();
        foreach (var action in reply.Actions)
        {
            if (action.CommandLine.Length > MaxButtonValue)
            {
                // A cut command would run something else; show it as text instead of a button that cannot work.
                untypable.Add(action.Label);
                continue;
            }

            buttons.Add(new ButtonElement(
                TextObject.Plain(Truncate(action.Label, MaxButtonText)),
                ActionIdPrefix + buttons.Count.ToString(CultureInfo.InvariantCulture),
                action.CommandLine,
                action.Style switch { ActionStyle.Primary => "primary", ActionStyle.Danger => "danger", _ => null }));
        }

        foreach (var group in buttons.Chunk(MaxActionsElements))
        {
            tail.Add(new ActionsBlock(group));
        }

        if (untypable.Count > 0)
        {
            body.Add(new ContextBlock([TextObject.Markdown(TruncateMrkdwn("Too long for a button: " + Mrkdwn.Escape(string.Join(", ", untypable)), MaxSectionText))]));
        }

        var blocks = Assemble(head, body, tail);
        return new SlackMessage(FallbackText(reply, mention), blocks, reply.IsPrivate && reply.AimedAtUserId is null);
    }

    /// <summary>Keeps the header, the sources and the buttons; cuts body blocks past the 50-block cap and says so.</summary>
    private static List<Block> Assemble(List<Block> head, List<Block> body, List<Block> tail)
    {
        // More than 50 tail blocks would need > 500 sources or > 1250 buttons; cap it anyway so the result is always valid.
        if (tail.Count > MaxBlocks / 2)
        {
            tail = tail[..(MaxBlocks / 2)];
        }

        var room = MaxBlocks - head.Count - tail.Count;
        var blocks = new List<Block>(Math.Min(MaxBlocks, head.Count + body.Count + tail.Count));
        blocks.AddRange(head);
        if (body.Count <= room)
        {
            blocks.AddRange(body);
        }
        else
        {
            blocks.AddRange(body.Take(room - 1));
            blocks.Add(new ContextBlock([TextObject.Markdown(CutNotice)]));
        }

        blocks.AddRange(tail);
        return blocks;
    }

    /// <summary>Notification and screen-reader text: the title, the aimed-at mention and the first section, ≤ 4000 characters.</summary>
    private static string FallbackText(BotReply reply, string? mention)
    {
        var sb = new StringBuilder();
        if (mention is not null)
        {
            sb.Append(mention).Append(' ');
        }

        sb.Append(Mrkdwn.Literal(reply.Title));
        if (reply.Sections.Count > 0)
        {
            sb.Append('\n').Append(Mrkdwn.FromMarkdown(reply.Sections[0].Markdown));
        }

        return TruncateMrkdwn(sb.ToString(), MaxFallbackText);
    }

    /// <summary>
    /// The modal for <c>views.open</c>: one <c>input</c> block per field with <c>block_id</c> = <c>action_id</c> = the field's
    /// name, and the command to run on submit (plus the channel to answer in) in <c>private_metadata</c>.
    /// Returns null when the command is too long to carry in <c>private_metadata</c> (≤ 3000).
    /// </summary>
    public static ModalView? RenderModal(ModalForm form, string? channelId)
    {
        var metadata = JsonSerializer.Serialize(new ModalMetadata(form.CommandLine, channelId), SlackJsonContext.Wire.ModalMetadata);
        if (metadata.Length > MaxPrivateMetadata)
        {
            return null;
        }

        var blocks = form.Fields.Take(MaxModalBlocks).Select(f => (Block)new InputBlock(
            f.Name,
            TextObject.Plain(Truncate(f.Label, MaxInputLabel)),
            new PlainTextInputElement(
                f.Name,
                f.IsMultiline,
                Math.Clamp(f.MaxLength, 1, MaxInputLength),
                f.Value is null ? null : Truncate(f.Value, Math.Clamp(f.MaxLength, 1, MaxInputLength)),
                f.Placeholder is null ? null : TextObject.Plain(Truncate(f.Placeholder, MaxPlaceholder))),
            !f.IsRequired)).ToList();

        return new ModalView(
            TextObject.Plain(Truncate(form.Title, MaxModalTitle)),
            TextObject.Plain("Submit"),
            TextObject.Plain("Cancel"),
            ModalCallbackId,
            metadata,
            blocks);
    }

    /// <summary>Renders <c>&lt;@U…&gt;</c> only for something shaped like a Slack user id; anything else renders no mention.</summary>
    public static string? MentionOf(string? userId) =>
        userId is not null && UserId().IsMatch(userId) ? $"<@{userId}>" : null;

    /// <summary>Block Kit has no colour outside legacy attachments, so problems are marked in the header; success titles carry their own icon.</summary>
    private static string TonePrefix(ReplyTone tone) => tone switch
    {
        ReplyTone.Warning => "⚠️ ",
        ReplyTone.Error => "❌ ",
        _ => "",
    };

    /// <summary>Plain text cut to <paramref name="max"/> characters including the "…", never inside a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + Ellipsis;
    }

    /// <summary>Escaped mrkdwn cut with "…", backing off so an entity (<c>&amp;amp;</c>) or a link (<c>&lt;url|t&gt;</c>) is not split.</summary>
    public static string TruncateMrkdwn(string text, int max) =>
        text.Length <= max ? text : text[..SafeCut(text, max - Ellipsis.Length)] + Ellipsis;

    /// <summary>
    /// Splits escaped mrkdwn into chunks of at most <paramref name="max"/> characters, at line breaks where it can, without
    /// splitting entities or links; a code fence open at a split is closed and reopened so both halves render as code.
    /// </summary>
    public static IEnumerable<string> SplitText(string text, int max)
    {
        const string Fence = "```";
        var reopen = false;
        var start = 0;
        while (start < text.Length)
        {
            var prefix = reopen ? Fence + "\n" : "";
            var budget = max - prefix.Length - (Fence.Length + 1); // keep room to close a fence
            if (text.Length - start + prefix.Length <= max)
            {
                yield return prefix + text[start..];
                yield break;
            }

            var end = start + budget;
            var newline = text.LastIndexOf('\n', end - 1, budget);
            end = newline > start + budget / 2 ? newline : start + SafeCut(text.Substring(start, budget + 1), budget);
            if (end <= start)
            {
                end = start + budget;
            }

            var chunk = text[start..end];
            var fences = CountOf(chunk, Fence);
            var isOpenAtEnd = ((reopen ? 1 : 0) + fences) % 2 == 1;
            yield return prefix + chunk + (isOpenAtEnd ? "\n" + Fence : "");
            reopen = isOpenAtEnd;
            start = end < text.Length && text[end] == '\n' ? end + 1 : end;
        }
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The largest cut ≤ <paramref name="cut"/> that is not inside an entity, a <c>&lt;…&gt;</c> link or a surrogate pair.</summary>
    private static int SafeCut(string text, int cut)
    {
        cut = Math.Clamp(cut, 0, text.Length);
        var open = text.LastIndexOf('<', Math.Max(cut - 1, 0));
        if (open >= 0 && open < cut && text.IndexOf('>', open) is var close && (close < 0 || close >= cut))
        {
            cut = open;
        }

        var amp = text.LastIndexOf('&', Math.Max(cut - 1, 0));
        if (amp >= 0 && amp < cut && cut - amp <= 5 && text.IndexOf(';', amp) is var semi && (semi < 0 || semi >= cut))
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return cut;
    }

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$")]
    private static partial Regex UserId();
}

/// <summary>What a modal carries in <c>private_metadata</c>: the command its submission runs and the channel to answer in.</summary>
internal sealed record ModalMetadata(string Command, string? Channel);
