using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Feedback;

/// <summary>
/// <c>/feedback helpful|not-helpful entry question</c>, the line behind an /ask answer's "Helpful" / "Not helpful" buttons (issue
/// #14). Records the member's vote (changing an earlier one), adds a "not helpful" question to the moderators' gaps (question
/// and time only, never who), and answers privately with the same answer, its buttons given way to a short thanks and a button
/// to change the vote. On Discord a press on a private answer edits it in place; elsewhere the thanks arrives as a private reply.
/// </summary>
internal sealed class FeedbackHandler(IKnowledgeProvider knowledge, AnswerFeedbackStore store, AnswerGapRecorder gaps, TimeProvider time) : ICommandHandler
{
    public string CommandName => "feedback";

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var vote = request.Option("vote") ?? FeedbackVotes.Helpful;
        var entryId = request.Option("entry") ?? "";
        var question = AskHandler.FeedbackQuestion(request.Option("question") ?? "");
        var snapshot = knowledge.Current;
        if (snapshot.FindById(entryId) is null || question.Length == 0)
        {
            return BotReply.Problem("That answer is gone",
                "The knowledge has changed since that answer, so I can't record a vote on it. Ask again with `/ask`.");
        }

        var previous = await store.RecordAsync(request.Member, entryId, question, vote, cancellationToken);
        if (vote == FeedbackVotes.NotHelpful && previous != FeedbackVotes.NotHelpful)
        {
            await gaps.RecordAsync(new AnswerGap(question, time.GetUtcNow()) { Community = Communities.CommunityKeys.Of(request.Member) }, cancellationToken);
        }

        var answer = AskHandler.Compose(snapshot, question);
        return answer.Lead is null
            ? new BotReply { Title = "Thanks for your feedback", Sections = [new ReplySection(null, "Your vote is recorded.")], IsPrivate = true, Tone = ReplyTone.Success }
            : AskHandler.Reply(answer, question, vote);
    }
}

/// <summary>Registration of /ask feedback: the store, its migration, its part of <c>/progress export</c>, and <c>/feedback</c>.</summary>
internal static class FeedbackSetup
{
    /// <summary>Needs <c>AddProgressStore</c> (the SQLite database and <c>members</c>).</summary>
    public static IServiceCollection AddAnswerFeedback(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(AnswerFeedbackStore.Migration);
        services.AddSingleton(AnswerFeedbackStore.CommunityMigration);
        services.TryAddSingleton<AnswerFeedbackStore>();
        services.AddSingleton<IMemberDataExporter>(sp => sp.GetRequiredService<AnswerFeedbackStore>());
        services.AddSingleton<ICommandHandler, FeedbackHandler>();
        return services;
    }
}
