using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
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

    /// <summary>
    /// The database chosen by <c>Storage:Provider</c>: SQLite at <c>Storage:DatabasePath</c> (default <c>data/mlmentorbot.db</c>)
    /// or PostgreSQL at <c>Storage:ConnectionString</c>, migrated on first use; and the progress store on it.
    /// </summary>
    public static IServiceCollection AddProgressStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection("Storage")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        foreach (var migration in SqliteProgressStore.Migrations)
        {
            services.AddSingleton(migration);
        }

        services.AddSingleton(ComponentStateStore.Migration);
        foreach (var migration in CommunityStore.Migrations)
        {
            services.AddSingleton(migration);
        }

        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton<IDatabase>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresDatabase>()
            : sp.GetRequiredService<SqliteDatabase>());
        services.TryAddSingleton<IProgressStore, SqliteProgressStore>();
        services.TryAddSingleton<ComponentStateStore>();
        services.TryAddSingleton<CommunityStore>();
        return services;
    }

    /// <summary>
    /// The dispatcher, one handler per catalog command, and autocomplete. Every topic in <see cref="CommandCatalog.Topics"/>
    /// without a handler of its own gets a <see cref="TopicHandler"/> here. Commands whose handlers come with their feature
    /// (<c>/group</c> with <c>AddCheckIns</c>, <c>/kb</c> with <c>AddModeration</c>) are checked when the host starts:
    /// a catalog command without a handler stops start-up with an <see cref="OptionsValidationException"/> naming it.
    /// </summary>
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<AnswerGapRecorder>();
        services.TryAddSingleton<CommandUsageRecorder>();
        services.AddSingleton<ICommandHandler, HelpHandler>();
        services.AddSingleton<ICommandHandler, RoadmapHandler>();
        services.AddSingleton<ICommandHandler, SalaryHandler>();
        foreach (var topic in CommandCatalog.Topics.Where(t => !t.HasOwnHandler))
        {
            services.AddSingleton<ICommandHandler>(sp => new TopicHandler(topic, sp.GetRequiredService<IKnowledgeProvider>()));
        }

        services.AddSingleton<ICommandHandler, AskHandler>();
        services.AddSingleton<ICommandHandler, ProgressHandler>();
        services.AddAnswerFeedback();
        // The one permission rule (issue #12); adapters add OperatorHome registrations for their platform.
        services.TryAddSingleton(sp => new CommunityPermissions(sp.GetService<CommunityStore>(), sp.GetServices<OperatorHome>()));
        services.AddSingleton<ICommandHandler, CommunityHandler>();
        services.TryAddSingleton<ICommandDispatcher, CommandDispatcher>();
        services.TryAddSingleton<IAutocompleteProvider, KnowledgeAutocomplete>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommandHandlerCheck>, CommandHandlerCheck.Validator>());
        services.AddOptions<CommandHandlerCheck>().ValidateOnStart();
        return services;
    }
}
