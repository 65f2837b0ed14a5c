using System.Text.Json.Serialization;

namespace MlMentorBot.Slack.BlockKit;

// Typed Block Kit shapes, serialized snake_case by SlackJsonContext. Reference: https://docs.slack.dev/reference/block-kit/blocks
// Limits are enforced by BlockKitRenderer, not here (table in shared/reference/slack-api.md §f).

/// <summary>A text object: <c>plain_text</c> (headers, buttons, labels) or <c>mrkdwn</c> (sections, context).</summary>
internal sealed record TextObject(string Type, string Text)
{
    /// <summary>
    /// plain_text is not parsed for mentions (https://docs.slack.dev/reference/block-kit/composition-objects/text-object), but
    /// angle brackets are swapped for look-alikes anyway so no payload we send ever contains a <c>&lt;!channel&gt;</c> sequence.
    /// </summary>
    public static TextObject Plain(string text) =>
        new("plain_text", text.AsSpan().IndexOfAny('<', '>') < 0 ? text : text.Replace('<', '‹').Replace('>', '›'));

    public static TextObject Markdown(string text) => new("mrkdwn", text);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(InputBlock), "input")]
internal abstract record Block;

/// <summary>https://docs.slack.dev/reference/block-kit/blocks/header-block — plain text, ≤ 150 characters.</summary>
internal sealed record HeaderBlock(TextObject Text) : Block;

/// <summary>https://docs.slack.dev/reference/block-kit/blocks/section-block — text ≤ 3000, ≤ 10 fields of ≤ 2000.</summary>
internal sealed record SectionBlock(TextObject? Text = null, IReadOnlyList<TextObject>? Fields = null) : Block;

/// <summary>https://docs.slack.dev/reference/block-kit/blocks/context-block — ≤ 10 elements.</summary>
internal sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

/// <summary>https://docs.slack.dev/reference/block-kit/blocks/actions-block — ≤ 25 elements.</summary>
internal sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements, string? BlockId = null) : Block;

internal sealed record DividerBlock : Block;

/// <summary>https://docs.slack.dev/reference/block-kit/blocks/input-block — label ≤ 2000; only these appear in <c>view.state.values</c>.</summary>
internal sealed record InputBlock(string BlockId, TextObject Label, PlainTextInputElement Element, bool Optional) : Block;

/// <summary>https://docs.slack.dev/reference/block-kit/block-elements/button-element — text ≤ 75, action_id ≤ 255, value ≤ 2000.</summary>
internal sealed record ButtonElement(TextObject Text, string ActionId, string Value, string? Style)
{
    [JsonPropertyOrder(-1)]
    public string Type => "button";
}

/// <summary>https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element — placeholder ≤ 150.</summary>
internal sealed record PlainTextInputElement(string ActionId, bool Multiline, int? MaxLength, string? InitialValue, TextObject? Placeholder)
{
    [JsonPropertyOrder(-1)]
    public string Type => "plain_text_input";
}

/// <summary>A rendered message: the notification/screen-reader fallback <see cref="Text"/> (≤ 4000) and its blocks (≤ 50).</summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks, bool IsEphemeral);

/// <summary>
/// A modal view for <c>views.open</c> (https://docs.slack.dev/reference/methods/views.open): title/submit/close ≤ 24,
/// <c>callback_id</c> ≤ 255, <c>private_metadata</c> ≤ 3000, 1–100 blocks.
/// </summary>
internal sealed record ModalView(
    TextObject Title,
    TextObject Submit,
    TextObject Close,
    string CallbackId,
    string PrivateMetadata,
    IReadOnlyList<Block> Blocks)
{
    [JsonPropertyOrder(-1)]
    public string Type => "modal";
}
