import { defineMessages } from '../define';

/** Strings of the edit area. Keys start with 'edit.'. */
export const editMessages = defineMessages(
  {
    'edit.title': 'edit',
  },
  {
    'edit.title': 'edit',
  },
);
