import { defineMessages } from '../define';

/** Strings of the config area. Keys start with 'config.'. */
export const configMessages = defineMessages(
  {
    'config.title': 'config',
  },
  {
    'config.title': 'config',
  },
);
