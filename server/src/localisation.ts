// Chooses the language of messages: Russian from the shared bundle, English otherwise.

import * as l10n from '@vscode/l10n';
import russian from '../../l10n/bundle.l10n.ru.json';

/** The locales messages exist in. */
export const LOCALES = ['en', 'ru'];

/** Whether messages exist in a locale: `ru`, `en-GB` and `RU_ru` do, `de` does not. */
export function isKnownLocale(locale: string): boolean {
  return LOCALES.includes(locale.toLowerCase().split(/[-_]/)[0]);
}

export function useLocale(locale: string | undefined): void {
  l10n.config({ contents: locale?.toLowerCase().startsWith('ru') ? russian : {} });
}
