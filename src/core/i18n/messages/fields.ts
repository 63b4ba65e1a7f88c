import { defineMessages } from '../define';

/** Strings of the fields area. Keys start with 'fields.'. */
export const fieldsMessages = defineMessages(
  {
    'fields.title': 'fields',
  },
  {
    'fields.title': 'fields',
  },
);
