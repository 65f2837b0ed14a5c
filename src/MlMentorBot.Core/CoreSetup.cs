using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Feedback;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Core;

/// <summary>Registration of the core areas, one call per area (greppable; no assembly scanning).</summary>
public static class CoreSetup
{
    /// <summary>
    /// Knowledge from <c>Knowledge:Path</c> (default <c>knowledge</c> under the content root). Needs a <see cref="ContentRoot"/>
    /// registration; the host adds one from its environment.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection("Knowledge")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KnowledgeService>();
        services.TryAddSingleton<IKnowledgeProvider>(sp => sp.GetRequiredService<KnowledgeService>());
        return services;
    }

    /// <summary>SQLite at <c>Storage:DatabasePath</c> (default <c>data/mlmentorbot.db</c>), migrated on first use.</summary>
    public static IServiceCollection AddProgressStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection("Storage")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        foreach (var migration in SqliteProgressStore.Migrations)
        {
            services.AddSingleton(migration);
        }

        services.AddSingleton(ComponentStateStore.Migration);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<IProgressStore, SqliteProgressStore>();
        services.TryAddSingleton<ComponentStateStore>();
        return services;
    }

    /// <summary>The dispatcher, one handler per catalog command, and autocomplete.</summary>
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<AnswerGapRecorder>();
        services.TryAddSingleton<CommandUsageRecorder>();
        services.AddSingleton<ICommandHandler, HelpHandler>();
        services.AddSingleton<ICommandHandler, RoadmapHandler>();
        services.AddSingleton<ICommandHandler, SalaryHandler>();
        services.AddSingleton<ICommandHandler, SkillsHandler>();
        services.AddSingleton<ICommandHandler, ResourcesHandler>();
        services.AddSingleton<ICommandHandler, AskHandler>();
        services.AddSingleton<ICommandHandler, ProgressHandler>();
        services.AddAnswerFeedback();
        services.TryAddSingleton<ICommandDispatcher, CommandDispatcher>();
        services.TryAddSingleton<IAutocompleteProvider, KnowledgeAutocomplete>();
        return services;
    }
}
