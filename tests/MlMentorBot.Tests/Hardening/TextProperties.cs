using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Hardening;

/// <summary>
/// Properties over arbitrary text (FsCheck, 300 cases each): whatever a member types after any command, the parser gives a
/// request or a usage reply and never throws; member text escaped for the platforms prints in the local chat exactly as
/// typed; a topic typed as several plain words is one name.
/// </summary>
public sealed class TextProperties
{
    private static readonly MemberKey Member = new("local", "", "prop");

    [Property(MaxTest = 300)]
    public bool Any_text_after_any_command_parses_to_a_request_or_a_usage_reply(NonNull<string> text, NonNegativeInt pick)
    {
        var command = CommandCatalog.All[pick.Get % CommandCatalog.All.Count];

        var result = CommandTextParser.Parse($"/{command.Name} {text.Get}", Member);

        return (result.Request is null) != (result.Problem is null);
    }

    [Property(MaxTest = 300)]
    public bool Member_text_escaped_for_the_platforms_prints_as_typed_in_the_chat(NonNull<string> typed) =>
        PlainTextRenderer.Flatten(UserText.Escape(typed.Get)) == typed.Get;

    [Property(MaxTest = 300)]
    public Property A_topic_of_several_plain_words_is_one_name() =>
        Prop.ForAll(
            Gen.Elements("online", "courses", "data", "preprocessing", "core", "skills", "free", "best", "x1").ArrayOf()
                .Where(words => words.Length is > 0 and < 8).ToArbitrary(),
            words =>
            {
                var parsed = CommandTextParser.Parse("/resources " + string.Join(' ', words), Member);
                return parsed.Request?.Option("topic") == string.Join(' ', words);
            });
}
