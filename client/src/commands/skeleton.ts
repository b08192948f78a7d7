// The text of a new joint submission: front matter and every section the format expects,
// in English or Russian, with guidance in comments (comments are neither counted nor checked).

export type SkeletonLanguage = 'en' | 'ru';

export interface SkeletonOptions {
  language: SkeletonLanguage;
  /** The State under review, as the writer names it. */
  state: string;
  cycle: number;
}

const TEXT = {
  en: {
    title: (state: string) => `Joint submission to the Universal Periodic Review of ${state}`,
    coalition: 'Name of the coalition',
    organisation: (n: number) => `Organisation ${n}`,
    region: 'City or region',
    heading: (state: string) => `# Joint submission to the Universal Periodic Review of ${state}`,
    summary: 'Executive summary',
    summaryText: 'Summarise the main concerns and the key recommendations of the coalition in a few sentences.',
    coalitionHeading: 'The coalition',
    coalitionText: 'Describe the coalition: its member organisations, their work and when the coalition was established.',
    theme: 'I. Thematic issue',
    assessment:
      'Assess how the recommendations of the previous cycle on this issue were implemented, citing each by report symbol and paragraph (type @rec to pick one).',
    recommendations: 'Recommendations',
    recommendation: 'Adopt a law on ... by 2028, with yearly public data on its implementation (SDG 16.b).',
    guidance: 'One recommendation per item: one action verb (ratify, adopt, amend, establish), a concrete object, something to measure and a deadline.',
  },
  ru: {
    title: (state: string) => `Совместное представление к универсальному периодическому обзору: ${state}`,
    coalition: 'Название коалиции',
    organisation: (n: number) => `Организация ${n}`,
    region: 'Город или регион',
    heading: (state: string) => `# Совместное представление к универсальному периодическому обзору: ${state}`,
    summary: 'Резюме',
    summaryText: 'Кратко изложите основные проблемы и ключевые рекомендации коалиции.',
    coalitionHeading: 'О коалиции',
    coalitionText: 'Опишите коалицию: организации-участницы, их работу и дату создания коалиции.',
    theme: 'I. Тематический раздел',
    assessment:
      'Оцените, как выполнены рекомендации предыдущего цикла по этой теме, ссылаясь на символ доклада и пункт (наберите @rec, чтобы выбрать).',
    recommendations: 'Рекомендации',
    recommendation: 'Принять закон о ... до 2028 года, с ежегодным докладом парламенту о его применении (ЦУР 16.b).',
    guidance: 'Одна рекомендация в пункте: одно действие (ратифицировать, принять, изменить, создать), конкретный объект, измеримый результат и срок.',
  },
};

export function submissionSkeleton({ language, state, cycle }: SkeletonOptions): string {
  const text = TEXT[language];
  const yamlString = (value: string) => JSON.stringify(value);
  return `---
type: joint
state: ${yamlString(state)}
cycle: ${cycle}
language: ${language}
title: ${yamlString(text.title(state))}
coalition:
  name: ${yamlString(text.coalition)}
  members:
    - organisation: ${yamlString(text.organisation(1))}
      region: ${yamlString(text.region)}
      role: rapporteur
    - organisation: ${yamlString(text.organisation(2))}
      region: ${yamlString(text.region)}
      role: member
---

${text.heading(state)}

## ${text.summary}

1. ${text.summaryText}

## ${text.coalitionHeading}

2. ${text.coalitionText}

## ${text.theme}

3. ${text.assessment}

### ${text.recommendations}

<!-- ${text.guidance} -->

- ${text.recommendation}
`;
}
