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
    language: { ja: '日本語', en: 'English' },
  },
};
