import { defineMessages } from '../define';

/** Strings of the setup area. Keys start with 'setup.'. */
export const setupMessages = defineMessages(
  {
    'setup.title': 'setup',
  },
  {
    'setup.title': 'setup',
  },
);
