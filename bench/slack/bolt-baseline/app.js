// The Bolt for JavaScript baseline: an HTTP-mode app (ExpressReceiver, which checks the v0 signing secret on every request)
// that acknowledges /roadmap with the same Block Kit JSON our host returns (read from BODY_FILE). authorize() hands Bolt a
// placeholder token, so nothing calls Slack's Web API. Started by ../compare.sh; not part of the bot.
const fs = require('fs');
const { App, ExpressReceiver } = require('@slack/bolt');

const reply = JSON.parse(fs.readFileSync(process.env.BODY_FILE, 'utf8'));
const receiver = new ExpressReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  endpoints: '/slack/commands',
});
const app = new App({
  receiver,
  authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BENCH01', botUserId: 'U0BENCHBOT' }),
  logLevel: 'error',
});

app.command('/roadmap', async ({ ack }) => {
  await ack(reply);
});

// The receiver's own express app, listened on loopback only (app.start() would listen on every interface).
receiver.app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`listening on 127.0.0.1:${process.env.PORT}`));
