// Chooses the language of messages: Russian from the shared bundle, English otherwise.

import * as l10n from '@vscode/l10n';
import russian from '../../l10n/bundle.l10n.ru.json';

export function useLocale(locale: string | undefined): void {
  l10n.config({ contents: locale?.toLowerCase().startsWith('ru') ? russian : {} });
}
