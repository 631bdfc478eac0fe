// Public API of the content workflow, the platform checks and the persona voice check; pure, no I/O.
export { hasErrors, type Finding, type Severity, type Span } from './findings.ts';
export { findEmoji, findHashtags, findUrls, type Hashtag } from './text.ts';
export {
  CONTENT_STATUSES, TRANSITIONS, allowedTransitions, editItem, findRule, refusal, transition,
  type ApprovalChecks, type ContentStatus, type Gate, type Role, type TransitionAction, type TransitionOptions,
  type TransitionRecord, type TransitionResult, type TransitionRule, type WorkflowActor, type WorkflowItem,
} from './workflow.ts';
export { checkVariant, mediaSchema, variantSchema, type CheckOptions, type Variant } from './checks/variant.ts';
export { checkMedia, type Media } from './checks/media.ts';
export { PLATFORM_LIMITS, YOUTUBE_TITLE_MAX, type MediaKind, type PlatformLimits } from './checks/limits.ts';
export { X_TEXT, xWeightedLength, type XLength } from './checks/x-length.ts';
export { personaSchema, type Persona } from './persona/persona.ts';
export { VOICE_SCORE, checkVoice, voiceScore, type VoiceFinding, type VoiceResult } from './persona/voice.ts';
export { BSN_PERSONA } from './persona/bsn.ts';
