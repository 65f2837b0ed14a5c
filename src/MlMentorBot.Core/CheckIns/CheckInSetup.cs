using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Scheduling;

namespace MlMentorBot.Core.CheckIns;

/// <summary>Registration of study groups and weekly check-ins (issue #5).</summary>
public static class CheckInSetup
{
    /// <summary>
    /// Options from the <c>CheckIns</c> section, the stores and their schema migrations (100–102), the <c>/group</c>,
    /// <c>/checkin</c> and <c>/away</c> handlers, group-name autocomplete, the export section and the scheduler.
    /// Needs <c>AddProgressStore</c> (the database) and <c>AddKnowledge</c>.
    /// </summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckInOptions>().Bind(configuration.GetSection("CheckIns")).ValidateDataAnnotations()
            .Validate(o => CheckInCalendar.TryFindZone(o.DefaultTimeZone, out _),
                "CheckIns:DefaultTimeZone must be an IANA time zone id known to this machine, e.g. UTC or Europe/Berlin")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(StudyGroupStore.Migration);
        services.AddSingleton(StudyGroupStore.CommunityMigration);
        foreach (var migration in CheckInStore.Migrations)
        {
            services.AddSingleton(migration);
        }

        services.TryAddSingleton<StudyGroupStore>();
        services.TryAddSingleton<CheckInStore>();
        services.AddSingleton<IMemberDataExporter>(sp => sp.GetRequiredService<CheckInStore>());
        services.TryAddSingleton<GroupLookup>();
        services.TryAddSingleton<CheckInPublisher>();
        services.AddSingleton<ICommandHandler, GroupHandler>();
        services.AddSingleton<ICommandHandler, CheckInHandler>();
        services.AddSingleton<ICommandHandler, AwayHandler>();
        services.TryAddSingleton<KnowledgeAutocomplete>();
        services.Replace(ServiceDescriptor.Singleton<IAutocompleteProvider, StudyGroupAutocomplete>());
        services.AddScheduledClaims(configuration);
        services.TryAddSingleton<CheckInScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInScheduler>());
        return services;
    }
}
