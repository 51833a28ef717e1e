// The public API of @switchboard/plugin-csat: named exports only.
export { csat } from './csatPlugin';
export type {
  CsatApi,
  CsatSnapshot,
  Survey,
  SurveyAnswered,
  SurveyClosed,
  SurveySent,
  SurveyStatus,
} from './csatPlugin';
export { csatConfigSchema, surveyAnswerSchema, surveyChannels } from './csatConfig';
export type {
  CsatConfig,
  CsatConfigInput,
  SurveyAnswer,
  SurveyChannel,
  SurveyInvitation,
  SurveySender,
  SurveySink,
} from './csatConfig';
