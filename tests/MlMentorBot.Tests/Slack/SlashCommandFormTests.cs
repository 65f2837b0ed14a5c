using MlMentorBot.Slack.Inbound;

namespace MlMentorBot.Tests.Slack;

/// <summary>Reading a slash command's form body (https://docs.slack.dev/interactivity/implementing-slash-commands) without a dictionary.</summary>
public sealed class SlashCommandFormTests
{
    [Fact]
    public void Fields_are_percent_decoded_with_plus_as_space_and_unknown_fields_ignored()
    {
        var command = SlashCommand.FromForm(
            "token=x&team_id=T0001&channel_id=C0001&user_id=U0001&user_name=ann&command=%2Froadmap&text=stage+foundations%20%26+more" +
            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2Fabc&trigger_id=1.2.3&api_app_id=A0001");

        Assert.NotNull(command);
        Assert.Equal("T0001", command.TeamId);
        Assert.Null(command.EnterpriseId);
        Assert.Equal("/roadmap", command.Command);
        Assert.Equal("stage foundations & more", command.Text);
        Assert.Equal("https://hooks.slack.com/commands/T0001/1/abc", command.ResponseUrl);
        Assert.Equal("1.2.3", command.TriggerId);
        Assert.Equal("ann", command.UserName);
    }

    [Theory]
    [InlineData("channel_id=C1&user_id=U1&command=%2Fhelp")] // no team
    [InlineData("team_id=&channel_id=C1&user_id=U1&command=%2Fhelp")] // empty team
    [InlineData("team_id=T1&channel_id=C1&user_id=U1")] // no command
    public void A_form_without_a_required_field_is_not_a_command(string form) => Assert.Null(SlashCommand.FromForm(form));

    [Fact]
    public void A_missing_text_is_empty_and_a_repeated_field_reads_as_its_values_joined()
    {
        var command = SlashCommand.FromForm("team_id=T1&channel_id=C1&user_id=U1&command=%2Fhelp&user_name=a&user_name=b");

        Assert.Equal("", command!.Text);
        Assert.Equal("a,b", command.UserName);
    }
}
