// Public API of meetings' pure parts: the evaluation agenda's pieces, and minutes as a document and Markdown.
export * from './agenda.ts';
export { MINUTES_LANGS, minutesLabels, type MinutesLabels, type MinutesLang } from './labels.ts';
export { agendaBlocks, agendaDoc, generatedAgendaItems, minutesDoc, renderMarkdown, type MinutesBlock, type MinutesDoc, type MinutesInput } from './minutes.ts';
