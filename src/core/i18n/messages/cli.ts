import { defineMessages } from '../define';

/** Strings of the cli area. Keys start with 'cli.'. */
export const cliMessages = defineMessages(
  {
    'cli.title': 'cli',
  },
  {
    'cli.title': 'cli',
  },
);
