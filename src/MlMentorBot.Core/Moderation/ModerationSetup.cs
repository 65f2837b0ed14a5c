using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Scheduling;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Core.Moderation;

/// <summary>Registration of the moderation area (issue #6): hot reload, audit log, answer gaps, usage stats, <c>/kb</c>.</summary>
public static class ModerationSetup
{
    /// <summary>
    /// Settings from <c>Moderation</c> (<see cref="ModerationOptions"/>). Needs <c>AddKnowledge</c>, <c>AddProgressStore</c> and
    /// <c>AddCommands</c>; replaces the do-nothing <see cref="AnswerGapRecorder"/> and <see cref="CommandUsageRecorder"/>
    /// whichever order they are added in.
    /// </summary>
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModerationOptions>().Bind(configuration.GetSection("Moderation")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(KnowledgeAuditStore.Migration);
        services.AddSingleton(KnowledgeAuditStore.VersionMigration);
        services.AddSingleton(KnowledgeReloadRequests.Migration);
        services.AddSingleton<KnowledgeReloadRequests>();
        services.AddSingleton(AnswerGapStore.Migration);
        services.AddSingleton(AnswerGapStore.CommunityMigration);
        services.AddSingleton(UsageStats.Migration);
        services.AddSingleton(UsageStats.CommunityMigration);
        foreach (var migration in ModerationScheduler.Migrations)
        {
            services.AddSingleton(migration);
        }

        services.AddScheduledClaims(configuration);
        services.AddSingleton<KnowledgeAuditStore>();
        services.AddSingleton<AnswerGapStore>();
        services.AddSingleton<UsageStats>();
        services.RemoveAll<AnswerGapRecorder>();
        services.AddSingleton<AnswerGapRecorder>(sp => sp.GetRequiredService<AnswerGapStore>());
        services.RemoveAll<CommandUsageRecorder>();
        services.AddSingleton<CommandUsageRecorder>(sp => sp.GetRequiredService<UsageStats>());
        services.AddSingleton<ModeratorAlerts>();
        services.AddSingleton<KnowledgeReloadProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeReloadProcessor>());
        services.AddHostedService<KnowledgeWatcher>();
        services.AddHostedService<ModerationScheduler>();
        services.AddSingleton<ICommandHandler, KbHandler>();
        return services;
    }
}
