using System.Globalization;
using System.Text.Json;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Discord.Interactions;

/// <summary>
/// Turns an interaction into a core call: an application command's options become a <see cref="CommandRequest"/> as they are;
/// a button's custom id gives back its command line; a modal's fields go to <see cref="ICommandDispatcher.DispatchInputAsync"/>
/// as structured values next to the form's command line, so what a member typed never passes through the text parser.
/// User options arrive from Discord as snowflakes already.
/// </summary>
internal sealed class InteractionCommands(ICommandDispatcher dispatcher, CustomIdCodec customIds)
{
    /// <summary>Discord permission bits that make a member a moderator of the guild: ADMINISTRATOR and MANAGE_GUILD.
    /// https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags</summary>
    internal const ulong Administrator = 1UL << 3;
    internal const ulong ManageGuild = 1UL << 5;

    /// <summary>
    /// Starts the command for <paramref name="interaction"/>. <c>CommandLine</c> gives the line that would open the same form
    /// again (for the "Open the form" button when a modal cannot be the first response), or null.
    /// </summary>
    public (Task<BotReply> Work, Func<string?> CommandLine) Dispatch(Interaction interaction, CancellationToken cancellationToken)
    {
        var invoker = interaction.Invoker;
        if (invoker is null || interaction.Data is null)
        {
            return (Task.FromResult(BotReply.Problem("Unreadable request", "Discord sent an interaction I could not read.")), NoLine);
        }

        var member = MemberOf(interaction, invoker);
        CommandRequest Configure(CommandRequest request) => request with
        {
            ChannelId = interaction.ChannelId == 0 ? null : Id(interaction.ChannelId),
            // Manage Guild / Administrator moderates this guild; CommunityPermissions decides the rest (operator home, role, list).
            ManagesCommunity = IsModerator(interaction.Member),
            RoleIds = interaction.Member?.Roles ?? [],
            DisplayName = interaction.Member?.Nick ?? invoker.GlobalName ?? invoker.Username,
        };

        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                {
                    var request = Configure(ToRequest(interaction.Data, member));
                    if (request.Options.Values.Any(v => v.Length > CommandTextParser.MaxOptionLength))
                    {
                        // Discord itself caps a STRING option at 6000 characters; anything longer is not from its client.
                        return (Task.FromResult(TooLong()), NoLine);
                    }

                    return (dispatcher.DispatchAsync(request, cancellationToken), () => CommandLines.Format(request));
                }

            case InteractionType.MessageComponent:
                {
                    var line = customIds.DecodeButton(interaction.Data.CustomId);
                    return line is null
                        ? (Task.FromResult(BotReply.Problem("This button has expired", "Please run the command again, or type `/help`.")), NoLine)
                        : (dispatcher.DispatchTextAsync(line, member, Configure, cancellationToken), () => line);
                }

            default:
                {
                    var form = customIds.DecodeModal(interaction.Data.CustomId);
                    if (form is null)
                    {
                        return (Task.FromResult(BotReply.Problem("This form has expired", "Please run the command again.")), NoLine);
                    }

                    var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var (name, value) in ModalValues(interaction.Data.Components ?? []))
                    {
                        if (!string.IsNullOrWhiteSpace(value))
                        {
                            fields[name] = value;
                        }
                    }

                    return (dispatcher.DispatchInputAsync(new CommandInput(form) { Fields = fields }, member, Configure, cancellationToken), NoLine);
                }
        }
    }

    internal static MemberKey MemberOf(Interaction interaction, DiscordUser invoker) =>
        new("discord", interaction.GuildId == 0 ? "" : Id(interaction.GuildId), Id(invoker.Id));

    private static CommandRequest ToRequest(InteractionData data, MemberKey member)
    {
        var (subcommand, given) = Flatten(data.Options);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in given)
        {
            if (ValueText(option.Value) is { } text)
            {
                options[option.Name] = text;
            }
        }

        return new CommandRequest(data.Name ?? "", subcommand, options, member);
    }

    /// <summary>Unwraps a subcommand (type 1), or a group (2) holding one, into its name and leaf options.</summary>
    internal static (string? Subcommand, IReadOnlyList<CommandOptionValue> Options) Flatten(IReadOnlyList<CommandOptionValue>? options)
    {
        var list = options ?? [];
        if (list is [{ Type: 2 } group])
        {
            list = group.Options ?? [];
        }

        return list is [{ Type: 1 } sub] ? (sub.Name, sub.Options ?? []) : (null, list);
    }

    internal static string? ValueText(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>Reads modal values in the Label shape (18 → component) and the legacy Action Row shape (1 → components).</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ModalValues(IEnumerable<SubmittedComponent> components)
    {
        foreach (var component in components)
        {
            if (component.Component is { } child)
            {
                foreach (var value in ModalValues([child]))
                {
                    yield return value;
                }
            }
            else if (component.Components is { } children)
            {
                foreach (var value in ModalValues(children))
                {
                    yield return value;
                }
            }
            else if (component.CustomId is { } id)
            {
                yield return KeyValuePair.Create(id, component.Value ?? string.Join(",", component.Values ?? []));
            }
        }
    }

    internal static bool IsModerator(GuildMember? member) =>
        member?.Permissions is { } text && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (Administrator | ManageGuild)) != 0;

    private static BotReply TooLong() => BotReply.Problem("Too long",
        $"An option can hold at most {CommandTextParser.MaxOptionLength} characters; please shorten it.");

    private static readonly Func<string?> NoLine = static () => null;

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
