import { defineMessages } from '../define';

/** Strings of the sidebar area. Keys start with 'sidebar.'. */
export const sidebarMessages = defineMessages(
  {
    'sidebar.title': 'sidebar',
  },
  {
    'sidebar.title': 'sidebar',
  },
);
