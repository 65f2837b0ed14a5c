using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.CheckIns;

/// <summary>A group found for a command, with the asker's membership row (null when they are not in it).</summary>
internal sealed record GroupContext(StudyGroup Group, GroupMember? Member)
{
    /// <summary>Group admins and workspace moderators manage a group (issue #5: "only group admins and moderators change settings").</summary>
    public bool CanManage(CommandRequest request) => request.IsModerator || Member?.IsAdmin == true;
}

/// <summary>
/// Finds the group a command is about: the one named, else the one bound to the channel the command came from, else the
/// asker's only group in the workspace. Anything else is a reply that says what to type.
/// </summary>
internal sealed class GroupLookup(StudyGroupStore groups)
{
    public async Task<(GroupContext? Context, BotReply? Problem)> FindAsync(CommandRequest request, string? name, CancellationToken cancellationToken)
    {
        StudyGroup? group;
        if (name is not null)
        {
            group = await groups.FindByNameAsync(request.Member, name, cancellationToken);
            if (group is null)
            {
                var all = await groups.ListAsync(request.Member, cancellationToken);
                var near = CloseMatches.Find(name, all.Select(g => g.Group.Name));
                return (null, BotReply.Problem("Unknown study group",
                    $"There is no study group `{name}` here." + CloseMatches.DidYouMean(near),
                    [new SuggestedAction("List groups", "/group list")]));
            }
        }
        else
        {
            group = request.ChannelId is { Length: > 0 } channel ? await groups.FindByChannelAsync(request.Member, channel, cancellationToken) : null;
            var mine = group is null || request.Command != "group"
                ? (await groups.ListForMemberAsync(request.Member, cancellationToken)).Where(g => g.IsIn(request.Member)).ToList()
                : [];
            if (group is not null && request.Command != "group" && mine.Count == 1 && !mine.Any(g => g.Id == group.Id))
            {
                // "/checkin" typed in another group's channel (or a DM-like channel) means the asker's own group.
                group = mine[0];
            }

            if (group is null)
            {
                if (mine.Count != 1)
                {
                    return (null, BotReply.Problem(mine.Count == 0 ? "You are not in a study group" : "Which study group?",
                        mine.Count == 0
                            ? "Join one with `/group join <name>` (see `/group list`), or create one in a channel with `/group create <name>`."
                            : $"You are in {CheckInMessages.Join(mine.Select(g => $"`{g.Name}`").ToList())}. Add `group:<name>` (or `name:` for `/group`).",
                        [.. mine.Select(g => new SuggestedAction($"/{request.Command} {g.Name}", $"/{request.Command}{(request.Subcommand is null ? "" : " " + request.Subcommand)} {(request.Command == "group" ? "name" : "group")}:{g.Name}")),
                         new SuggestedAction("List groups", "/group list")]));
                }

                group = mine[0];
            }
        }

        return (new GroupContext(group, await groups.GetMemberAsync(group.Id, request.Member, cancellationToken)), null);
    }

    /// <summary>The reply for someone who may not change <paramref name="context"/>'s group.</summary>
    public async Task<BotReply> RefuseAsync(GroupContext context, string what, CancellationToken cancellationToken)
    {
        var admins = (await groups.MembersAsync(context.Group.Id, cancellationToken)).Where(m => m.IsAdmin).Select(m => m.Name).ToList();
        return BotReply.Problem("Group admins only",
            $"Only {context.Group.Name}'s admins{(admins.Count > 0 ? $" ({CheckInMessages.Join(admins)})" : "")} and moderators can {what}.");
    }
}
