using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Core.Progress;

/// <summary>Looks up or creates the <c>members</c> row for a <see cref="MemberKey"/>; shared by every feature's store.</summary>
internal static class MemberIds
{
    /// <summary>The member's id, creating the row (and keeping a Slack enterprise id once seen) inside <paramref name="write"/>.</summary>
    public static Task<long> GetOrCreateAsync(IDbWriteScope write, MemberKey member, TimeProvider time) =>
        write.QuerySingleAsync<long>("""
            INSERT INTO members (platform, workspace_id, user_id, enterprise_id, created_at)
            VALUES (@Platform, @WorkspaceId, @UserId, @EnterpriseId, @Now)
            ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET enterprise_id = coalesce(excluded.enterprise_id, members.enterprise_id)
            RETURNING id
            """, new { member.Platform, member.WorkspaceId, member.UserId, member.EnterpriseId, Now = SqliteProgressStore.Timestamp(time.GetUtcNow()) });
}
