import type { AppText } from '@hanjiang/ui';

export const TOWNSHIP_TEXT = {
  zh: { title: '乡镇征迁工作台' },
  en: { title: 'Township portal' },
} satisfies AppText;
