using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.LocalChat;

/// <summary>
/// The embedded chat adapter: each input line is a command as a member would type it (<c>/roadmap</c>,
/// <c>/progress mark roadmap.foundations.math done</c>); a line without a slash is asked as a question (<c>/ask</c>).
/// Replies are plain text (<see cref="PlainTextRenderer"/>). At end of input (piped input, Ctrl+D) it stops the host,
/// which exits 0. Members are keyed as platform <c>local</c>, no workspace, user <see cref="LocalChatOptions.User"/>.
/// </summary>
public sealed class LocalChatService(
    IOptions<LocalChatOptions> options,
    IConfiguration configuration,
    ICommandDispatcher dispatcher,
    LocalConsole console,
    LocalChatCommands localCommands,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!LocalChatSetup.IsChatMode(configuration))
        {
            return;
        }

        // Let the host finish starting (knowledge loaded, database migrated) before the first prompt.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
        var chat = options.Value;
        var member = new MemberKey("local", "", chat.User);
        var output = console.Out;
        if (console.IsInteractive)
        {
            await output.WriteLineAsync($"MlMentorBot local chat as '{chat.User}'{(chat.IsModerator ? " (moderator)" : "")}. Type /help, or a question. Ctrl+D to quit.");
            await output.WriteLineAsync("Local only: /clock advance 2d moves time (check-in prompts and digests post when due); /as NAME /command speaks as another member.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (console.IsInteractive)
            {
                await output.WriteAsync("> ");
            }

            // Console.In's ReadLineAsync only checks the token before it blocks: WaitAsync lets SIGTERM end the chat at once
            // instead of after the host's 30 s shutdown timeout.
            var line = await console.In.ReadLineAsync(stoppingToken).AsTask().WaitAsync(stoppingToken);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var text = line.Trim();
            if (!text.StartsWith('/'))
            {
                text = "/ask " + text;
            }

            if (!console.IsInteractive)
            {
                await output.WriteLineAsync("> " + text);
            }

            if (await localCommands.TryClockAsync(text, stoppingToken) is { } clockText)
            {
                await output.WriteLineAsync(clockText);
                continue;
            }

            var speaker = member;
            if (LocalChatCommands.SplitAs(text) is { } impersonated)
            {
                speaker = member with { UserId = impersonated.User };
                text = impersonated.Line;
            }

            var reply = await dispatcher.DispatchTextAsync(text, speaker,
                r => r with { ChannelId = "console", IsModerator = chat.IsModerator, DisplayName = speaker.UserId }, stoppingToken);
            await output.WriteLineAsync(PlainTextRenderer.Render(reply));
            await output.FlushAsync(stoppingToken);
        }

        lifetime.StopApplication();
    }
}

/// <summary>Bot-initiated posts (check-in prompts, digests) in the local chat: printed with the channel name.</summary>
public sealed class LocalChannelMessenger(LocalConsole console) : IChannelMessenger
{
    private int _messageCount;

    /// <inheritdoc />
    public string Platform => "local";

    /// <summary><summary>Prints the reply under a <c>[#channel · message N]</c> header; returns N, counting from 1 per process.</summary></summary>
    public async Task<string> PostAsync(string channelId, BotReply reply, string? threadId, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _messageCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await console.Out.WriteLineAsync($"[#{channelId}{(threadId is null ? "" : $" thread {threadId}")} · message {id}]\n{PlainTextRenderer.Render(reply)}");
        return id;
    }

    /// <summary>Prints the new version under a <c>[#channel · message N updated]</c> header (a console cannot edit what it printed).</summary>
    public async Task UpdateAsync(string channelId, string messageId, BotReply reply, CancellationToken cancellationToken) =>
        await console.Out.WriteLineAsync($"[#{channelId} · message {messageId} updated]\n{PlainTextRenderer.Render(reply)}");
}
