namespace MlMentorBot.Core.Replies;

/// <summary>
/// A platform-neutral answer produced by a command handler. Adapters render it: Discord as embeds and components,
/// Slack as Block Kit, the local chat as plain text (<see cref="PlainTextRenderer"/>). Nothing in here is platform markup:
/// section text is CommonMark-ish Markdown (<c>**bold**</c>, <c>*italic*</c>, <c>`code`</c>, <c>[text](url)</c>, <c>- </c> lists)
/// that each adapter converts, and any user-supplied text inside it has not been escaped for any platform yet.
/// </summary>
public sealed record BotReply
{
    /// <summary>One-line title (plain text, no Markdown). Adapters truncate it to the platform limit with "…".</summary>
    public required string Title { get; init; }

    /// <summary>Body sections in display order.</summary>
    public IReadOnlyList<ReplySection> Sections { get; init; } = [];

    /// <summary>Short name/value pairs (for example a salary band and its figure), rendered as fields or a table.</summary>
    public IReadOnlyList<ReplyField> Fields { get; init; } = [];

    /// <summary>Where the facts in this reply come from; rendered as a footer or context line.</summary>
    public IReadOnlyList<SourceCitation> Sources { get; init; } = [];

    /// <summary>Next steps the member can take with one click (buttons) or by typing the shown command.</summary>
    public IReadOnlyList<SuggestedAction> Actions { get; init; } = [];

    /// <summary>True when only the asker should see the reply (Discord ephemeral flag, Slack <c>response_type: ephemeral</c>).</summary>
    public bool IsPrivate { get; init; }

    /// <summary>How the reply should be coloured or marked.</summary>
    public ReplyTone Tone { get; init; } = ReplyTone.Info;

    /// <summary>
    /// When set, the adapter opens this form instead of (or, where the platform cannot open one, before) posting the reply:
    /// a Discord modal (interaction response type 9) or a Slack <c>views.open</c> with the interaction's <c>trigger_id</c>.
    /// Submitting it dispatches <see cref="ModalForm.CommandLine"/> with each field's value as a named option.
    /// </summary>
    public ModalForm? Modal { get; init; }

    /// <summary>
    /// Platform user id of a member this answer is aimed at. The adapter posts the reply publicly and mentions only that user
    /// (Discord <c>allowed_mentions.users</c>, Slack <c>&lt;@U…&gt;</c>); no other mention is ever rendered.
    /// </summary>
    public string? AimedAtUserId { get; init; }

    /// <summary>
    /// Id of the knowledge entry this reply shows (a topic, a roadmap stage, the salary figures, /ask's best answer), so
    /// usage statistics need not look it up again. Not rendered.
    /// </summary>
    public string? EntryId { get; init; }

    /// <summary>
    /// True when the handler hands out this same instance again for the same answer (a member's roadmap until their next
    /// write), so an adapter may keep what it renders from it, keyed on the instance. A copy made with <c>with</c> is a new
    /// instance that nobody hands out again: clear the flag on it. Not rendered.
    /// </summary>
    public bool IsReused { get; init; }

    /// <summary>
    /// For a problem with one value of a submitted form: the <see cref="ModalField.Name"/> it is about. An adapter that can
    /// keep the form open shows the problem on that field instead of closing it (Slack <c>response_action: errors</c>), so
    /// the member's typed answers are not lost. Null for anything else.
    /// </summary>
    public string? ProblemField { get; init; }

    /// <summary>Builds a short private error or usage reply.</summary>
    public static BotReply Problem(string title, string markdown, IReadOnlyList<SuggestedAction>? actions = null) => new()
    {
        Title = title,
        Sections = [new ReplySection(null, markdown)],
        Actions = actions ?? [],
        IsPrivate = true,
        Tone = ReplyTone.Warning,
    };
}

/// <summary>A block of Markdown with an optional heading (plain text).</summary>
public sealed record ReplySection(string? Heading, string Markdown);

/// <summary>A name/value pair. <paramref name="Value"/> may hold Markdown. Inline fields may sit side by side.</summary>
public sealed record ReplyField(string Name, string Value, bool IsInline = true);

/// <summary>
/// A cited source: the article's title and publisher as the seed document gives them, the year when it gives one,
/// and an optional note such as "citing Glassdoor".
/// </summary>
public sealed record SourceCitation(string Title, string Publisher, int? Year = null, string? Note = null)
{
    /// <summary>"Title — Publisher, 2023 (note)".</summary>
    public override string ToString() =>
        $"{Title} — {Publisher}{(Year is { } y ? $", {y}" : "")}{(Note is { Length: > 0 } n ? $" ({n})" : "")}";
}

/// <summary>
/// A one-click next step. <paramref name="CommandLine"/> is the command exactly as a member would type it
/// (for example <c>/progress mark roadmap.foundations.math done</c>); adapters put it in the button's
/// <c>custom_id</c> (Discord, ≤ 100 characters) or <c>value</c> (Slack) and, when pressed, parse and dispatch it as if typed.
/// </summary>
public sealed record SuggestedAction(string Label, string CommandLine, ActionStyle Style = ActionStyle.Secondary);

/// <summary>Button emphasis. Danger is for destructive confirmations such as deleting progress.</summary>
public enum ActionStyle
{
    /// <summary>The suggested next step (Discord button style 1, Slack <c>primary</c>).</summary>
    Primary,

    /// <summary>Any other action (Discord style 2, Slack default).</summary>
    Secondary,

    /// <summary>Destructive (Discord style 4, Slack <c>danger</c>).</summary>
    Danger,
}

/// <summary>Reply colour/marker: Info (neutral), Success, Warning (usage problems), Error (something failed).</summary>
public enum ReplyTone
{
    /// <summary>An answer; neutral colour.</summary>
    Info,

    /// <summary>Something was saved or done.</summary>
    Success,

    /// <summary>The member's input was not usable (usage, unknown name); the reply says what to type.</summary>
    Warning,

    /// <summary>The bot could not do it (storage down, platform error).</summary>
    Error,
}

/// <summary>
/// A form to collect multi-line input (for example a weekly check-in). <paramref name="CommandLine"/> is the command that a
/// submission runs (for example <c>/checkin</c>); each <see cref="ModalField.Name"/> becomes a named option of it.
/// Discord allows at most 5 fields, a 45-character title and 45-character labels; keep forms within that.
/// </summary>
public sealed record ModalForm(string CommandLine, string Title, IReadOnlyList<ModalField> Fields);

/// <summary>One text input of a <see cref="ModalForm"/>. <paramref name="MaxLength"/> is in characters (Discord's cap is 4000).</summary>
public sealed record ModalField(
    string Name,
    string Label,
    bool IsMultiline = true,
    bool IsRequired = true,
    string? Value = null,
    string? Placeholder = null,
    int MaxLength = 1000);
