// The factsheet's fixed words, in the submission's language: English and Russian (French and
// Spanish submissions get the English template).

export type FactsheetLanguage = 'en' | 'ru';

export interface FactsheetLabels {
  factsheet: string;
  issue: string;
  keyFacts: string;
  sources: string;
  previousRecommendations: string;
  reference: string;
  status: string;
  noPreviousRecommendations: string;
  newRecommendations: string;
  noNewRecommendations: string;
  sdgTargets: string;
  suggested: string;
  coalition: string;
  cycle: (cycle: number) => string;
  session: (session: number) => string;
  paragraph: string;
  statuses: Record<ImplementationStatus, string>;
  roles: Record<string, string>;
}

/** What the assessment table says of a previous recommendation. */
export type ImplementationStatus = 'implemented' | 'partiallyImplemented' | 'notImplemented' | 'notAssessed';

export const FACTSHEET_LABELS: Record<FactsheetLanguage, FactsheetLabels> = {
  en: {
    factsheet: 'UPR advocacy factsheet',
    issue: 'The issue',
    keyFacts: 'Key facts',
    sources: 'Sources',
    previousRecommendations: 'Previous recommendations and their implementation',
    reference: 'Recommendation',
    status: 'Implementation',
    noPreviousRecommendations: 'No previous recommendations are cited in this section.',
    newRecommendations: 'Our recommendations',
    noNewRecommendations: 'This section makes no recommendations.',
    sdgTargets: 'SDG targets',
    suggested: 'suggested',
    coalition: 'Submitted by',
    cycle: (cycle) => `Universal Periodic Review, cycle ${cycle}`,
    session: (session) => `session ${session} of the Working Group`,
    paragraph: 'para.',
    statuses: {
      implemented: 'implemented',
      partiallyImplemented: 'partially implemented',
      notImplemented: 'not implemented',
      notAssessed: 'not assessed',
    },
    roles: { rapporteur: 'rapporteur', observer: 'observer' },
  },
  ru: {
    factsheet: 'Информационный листок УПО',
    issue: 'Проблема',
    keyFacts: 'Ключевые факты',
    sources: 'Источники',
    previousRecommendations: 'Прежние рекомендации и их выполнение',
    reference: 'Рекомендация',
    status: 'Выполнение',
    noPreviousRecommendations: 'В этом разделе нет ссылок на прежние рекомендации.',
    newRecommendations: 'Наши рекомендации',
    noNewRecommendations: 'В этом разделе нет рекомендаций.',
    sdgTargets: 'Задачи ЦУР',
    suggested: 'предложено',
    coalition: 'Авторы доклада',
    cycle: (cycle) => `Универсальный периодический обзор, ${cycle}-й цикл`,
    session: (session) => `${session}-я сессия Рабочей группы`,
    paragraph: 'п.',
    statuses: {
      implemented: 'выполнена',
      partiallyImplemented: 'выполнена частично',
      notImplemented: 'не выполнена',
      notAssessed: 'не оценена',
    },
    roles: { rapporteur: 'координатор доклада', observer: 'наблюдатель' },
  },
};

export function factsheetLanguage(language: string | undefined): FactsheetLanguage {
  return language === 'ru' ? 'ru' : 'en';
}
