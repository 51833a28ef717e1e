import type { RecordingAction, RecordingControlOptions } from '../softphoneOptions';

/** The request body and headers that ask the recorder to pause or resume. */
export interface RecordingRequest {
  /** Extra SIP headers of the request. */
  readonly extraHeaders: string[];
  /** The body, with its content type. */
  readonly body: { readonly contentType: string; readonly content: string };
}

/**
 * Builds the in-call INFO for a recording action from the host's `recordingControl` options;
 * by default `X-Recording: pause` and a JSON body `{"recording":"pause"}`.
 */
export function recordingRequest(
  options: RecordingControlOptions | undefined,
  action: RecordingAction,
): RecordingRequest {
  return {
    extraHeaders: [...(options?.headers?.(action) ?? [`X-Recording: ${action}`])],
    body: {
      contentType: options?.contentType ?? 'application/json',
      content: options?.body?.(action) ?? JSON.stringify({ recording: action }),
    },
  };
}
