import { defineMessages } from '../define';

/** Strings of the adopt area. Keys start with 'adopt.'. */
export const adoptMessages = defineMessages(
  {
    'adopt.title': 'adopt',
  },
  {
    'adopt.title': 'adopt',
  },
);
