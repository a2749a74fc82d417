import type { Messages } from './ja';

export const en: Messages = {
  madoguchi: {
    title: 'Madoguchi — My Number Card PIN resets',
    dashboard: {
      heading: 'Welcome',
      intro: 'Register PIN reset applications and track the inquiry-and-reply letters and their replies.',
      system: 'System status',
      database: 'Database',
      queue: 'Queue (Redis)',
      up: 'Up',
      down: 'Down',
      checking: 'Checking…',
      unreachable: 'Cannot reach the API',
    },
    cases: {
      title: 'Applications',
      search: 'Receipt no., inquiry no. or kana',
      receiptNumber: 'Receipt no.',
      createdAt: 'Received at',
      holderKana: 'Holder (kana)',
      route: 'Route',
      state: 'State',
      overdue: 'Overdue',
      replyDeadline: 'Reply deadline',
    },
    rules: {
      menu: 'Documents guide',
      title: 'Required documents and PIN formats',
      visit1: 'Application (first visit)',
      visit2: 'Returning the reply (second visit)',
      pinFormats: 'PIN formats',
      pinFormat: '%{format}. Locks after %{tries} wrong tries in a row.',
    },
    language: { ja: '日本語', en: 'English' },
    resources: { cases: 'Applications' },
  },
};
