// The baseline issue #4 measures against: Discord's official Node stack (discord-interactions' verifyKeyMiddleware on
// express), shaped like discord/discord-example-app's app.js. It verifies the Ed25519 signature, answers PING with PONG and
// any application command with a type-4 message. Started by ../node-baseline.sh; not part of the bot.
import express from 'express';
import { InteractionResponseType, InteractionType, verifyKeyMiddleware } from 'discord-interactions';

const app = express();
const port = process.env.PORT || 3000;

app.post('/interactions', verifyKeyMiddleware(process.env.PUBLIC_KEY), (req, res) => {
  const { type, data } = req.body;
  if (type === InteractionType.PING) {
    return res.send({ type: InteractionResponseType.PONG });
  }

  if (type === InteractionType.APPLICATION_COMMAND) {
    return res.send({
      type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
      data: { content: `You ran /${data.name}.` },
    });
  }

  return res.status(400).json({ error: 'unknown interaction type' });
});

app.listen(port, '127.0.0.1', () => console.log(`listening on 127.0.0.1:${port}`));
